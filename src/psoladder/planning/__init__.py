"""Planning ahead (issue #15): scenarios, forecasts and comparisons, on top of ``assess``.

* :mod:`psoladder.planning.scenarios`: plans as pure functions from an
  :class:`~psoladder.model.Organisation` to a changed one (hire, leave,
  change hours, buy, drop a purchase), named lists of them (``Scenario``) and
  the ``[[scenario]]`` tables of an organisation file;
* :mod:`psoladder.planning.forecast`: ``assess`` at a series of future
  application dates, with the peiljaar moving along, and the dates where the
  level changes and why;
* :mod:`psoladder.planning.compare`: every figure that differs between two
  assessments, and the people, rows and purchases behind the difference;
* :mod:`psoladder.planning.report`: all three for people, in every report
  format and both languages.

None of them computes a rule: each reads the assessments ``assess`` made.
This package imports nothing itself, so the organisation-file reader can
check ``[[scenario]]`` tables without loading the rest.
"""
