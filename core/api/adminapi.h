// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"

#include <QJsonObject>

namespace signalbox {

class HttpExchange;
struct LedgerRecord;

// GET /health
void handleHealth(HttpExchange *exchange);

// GET /v1/models: the registry's models, "auto" and one "stage:NAME" per stage.
void handleModels(const ApiEnvironment &environment, HttpExchange *exchange);
// Handles GET /v1/models/{id}, which the OpenAI SDKs' models.retrieve() sends: replies with the
// entry of the model list that has the id, or with 404.
void handleModel(const ApiEnvironment &environment, HttpExchange *exchange, const QString &id);

// POST /api/route: the routing decision for a chat body, without calling any upstream.
void handleRoute(const ApiEnvironment &environment, HttpExchange *exchange);

// GET /api/usage: spend and tokens today, by model and by stage, and the latest requests.
void handleUsage(const ApiEnvironment &environment, HttpExchange *exchange);

// GET /api/gates: every gate with its limit, spend, reservations, reset time and state.
void handleGates(const ApiEnvironment &environment, HttpExchange *exchange);

// GET /metrics: today's spend and requests, and every gate, in the Prometheus text format.
void handleMetrics(const ApiEnvironment &environment, HttpExchange *exchange);

QJsonObject ledgerRecordToJson(const LedgerRecord &record);

} // namespace signalbox
