// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "logging.h"

Q_LOGGING_CATEGORY(lcHttp, "signalbox.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "signalbox.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRouting, "signalbox.routing", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGates, "signalbox.gates", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLedger, "signalbox.ledger", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "signalbox.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUpstream, "signalbox.upstream", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "signalbox.service", QtInfoMsg)
