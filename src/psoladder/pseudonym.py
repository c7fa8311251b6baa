"""Pseudonymised person identifiers (AVG/GDPR).

A target-group code says that a person has a disability or a benefit:
special-category personal data under the AVG/GDPR. To send a report to a
consultant or an auditor's portal without the payroll's staff numbers,
psoladder replaces every person identifier by a **keyed hash** before the
computation, so no report, JSON, explanation, DataFrame or plot contains the
original identifiers:

* the pseudonym is HMAC-SHA256 of the identifier under a secret key, its
  first 80 bits written in lower-case base32 in four groups
  (``p-xxxx-xxxx-xxxx-xxxx``);
* the same key gives the same pseudonyms in every run, so reports of
  several years can be compared; without the key, a pseudonym cannot be
  traced back, nor can a list of staff numbers be tried against it;
* the key comes from the caller or from the environment variable
  :data:`KEY_ENVIRONMENT_VARIABLE`; a missing or short key (fewer than
  :data:`MIN_KEY_BYTES` bytes) is an input error, never a silent default.

Two identifiers share a pseudonym with a probability of about 4 in 10^13
for a million persons; psoladder does not keep a table of identifiers to
check it.

Pseudonymised data is still personal data: the reports keep each person's
target group, contract and dates. See the documentation's personal-data
page for what each output contains.

>>> key = "an example key, not a secret one"
>>> pseudonym("E001", key)
'p-ay2z-xntz-lmlj-yvwe'
>>> pseudonym("E001", key) == pseudonym("E001", key) != pseudonym("E002", key)
True
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

import attrs

from psoladder import messages
from psoladder.errors import InputError, Problem
from psoladder.model import Organisation

__all__ = [
    "KEY_ENVIRONMENT_VARIABLE",
    "MIN_KEY_BYTES",
    "Pseudonymiser",
    "key_from_environment",
    "pseudonym",
    "pseudonymise",
]

#: The environment variable the command line (and :func:`key_from_environment`)
#: reads the key from.
KEY_ENVIRONMENT_VARIABLE = "PSOLADDER_PSEUDONYM_KEY"
#: The shortest key accepted, in bytes (UTF-8 for a ``str`` key).
MIN_KEY_BYTES = 16


def _key_bytes(key: str | bytes) -> bytes:
    if not isinstance(key, str | bytes):
        raise TypeError(f"a pseudonymisation key is a str or bytes, not a {type(key).__name__}")
    raw = key.encode("utf-8") if isinstance(key, str) else key
    if len(raw) < MIN_KEY_BYTES:
        raise InputError([messages.problem("in.key_short", field="pseudonym_key",
                                           hint="ih.key", length=len(raw), most=MIN_KEY_BYTES)])
    return raw


def key_from_environment(variable: str = KEY_ENVIRONMENT_VARIABLE) -> str:
    """The pseudonymisation key from the environment.

    Raises:
        InputError: When the variable is not set or empty.
    """
    key = os.environ.get(variable, "")
    if not key:
        raise InputError([messages.problem("in.key_missing", field="pseudonym_key",
                                           hint="ih.key_set", variable=variable)])
    return key


@attrs.frozen
class Pseudonymiser:
    """Replaces person identifiers by keyed pseudonyms (see the module docs).

    Attributes:
        key: The secret key (at least :data:`MIN_KEY_BYTES` bytes).
    """

    key: bytes = attrs.field(converter=_key_bytes, repr=False)

    def __call__(self, person: str) -> str:
        """The pseudonym of ``person``."""
        digest = hmac.new(self.key, person.encode("utf-8"), hashlib.sha256).digest()
        text = base64.b32encode(digest[:10]).decode("ascii").lower()
        return "p-" + "-".join(text[i:i + 4] for i in range(0, 16, 4))

    def organisation(self, organisation: Organisation) -> Organisation:
        """``organisation`` with every person identifier replaced."""
        return attrs.evolve(
            organisation,
            employments=tuple(attrs.evolve(e, person=self(e.person))
                              for e in organisation.employments),
            evidence=tuple(attrs.evolve(e, person=self(e.person))
                           for e in organisation.evidence))

    @staticmethod
    def error(exc: InputError) -> InputError:
        """``exc`` without the values of person fields, for a pseudonymised run."""
        return InputError(attrs.evolve(p, value=None) if _about_person(p) else p
                          for p in exc.problems)


def _about_person(problem: Problem) -> bool:
    if problem.subject == "person":  # a payroll column named otherwise (issue 12)
        return True
    return problem.field is not None and problem.field.rsplit(".", 1)[-1] == "person"


def pseudonym(person: str, key: str | bytes) -> str:
    """The pseudonym of one identifier under ``key``."""
    return Pseudonymiser(key)(person)


def pseudonymise(organisation: Organisation, key: str | bytes | None = None) -> Organisation:
    """``organisation`` with every person identifier replaced by its pseudonym.

    Args:
        organisation: The organisation.
        key: The secret key; ``None`` reads :data:`KEY_ENVIRONMENT_VARIABLE`.

    Raises:
        InputError: When there is no key, or it is too short.
    """
    return Pseudonymiser(key_from_environment() if key is None else key).organisation(
        organisation)
