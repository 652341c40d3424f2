//! The MOBPROC upgrade-order widget.
