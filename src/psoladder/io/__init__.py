"""Reading organisation files and payroll exports, with every problem located.

* :func:`load_organisation`: a TOML or JSON organisation file (keys as in the
  design's organisation file), with inline ``[[employment]]`` tables and/or
  ``employments = "payroll.csv"`` (or ``.xlsx``) relative to the file.
* :func:`read_payroll`: a payroll export, one row per employment period.

Both collect every problem of a file before raising one
:class:`~psoladder.errors.InputError`, each problem with file, row and field.
"""

from psoladder.io.orgfile import (
    example_path,
    load_example,
    load_organisation,
    organisation_from_mapping,
)
from psoladder.io.payroll import PayrollFormat, PayrollRead, payroll_format, read_payroll

__all__ = [
    "PayrollFormat",
    "PayrollRead",
    "example_path",
    "load_example",
    "load_organisation",
    "organisation_from_mapping",
    "payroll_format",
    "read_payroll",
]
