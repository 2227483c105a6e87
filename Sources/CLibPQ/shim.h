#ifndef TOEDELING_CLIBPQ_SHIM_H
#define TOEDELING_CLIBPQ_SHIM_H

#include <libpq-fe.h>

/// Swift does not import the `PG_DIAG_SQLSTATE` macro (it is a char literal); expose it as a constant.
static const int CLIBPQ_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
/// The primary, human-readable server message; logged, never returned to clients.
static const int CLIBPQ_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
/// The name of the constraint a violation concerns, if any.
static const int CLIBPQ_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME;
/// The secondary message (DETAIL); logged, or carrying machine-readable facts from our own functions.
static const int CLIBPQ_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
/// The severity (ERROR, FATAL, PANIC, ...), never translated.
static const int CLIBPQ_DIAG_SEVERITY_NONLOCALIZED = PG_DIAG_SEVERITY_NONLOCALIZED;

#endif
