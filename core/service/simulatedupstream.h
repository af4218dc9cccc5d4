// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "result.h"

#include <QObject>

#include <memory>

namespace signalbox {

class HttpExchange;
class HttpServer;

// The demo's upstream: a real HTTP server on loopback that answers OpenAI Chat Completions with
// generated text, realistic token counts and a streaming pace of a few tens of tokens per second,
// so the router can be tried without any API key.
class SimulatedUpstream : public QObject {
    Q_OBJECT

public:
    explicit SimulatedUpstream(QObject *parent = nullptr);
    ~SimulatedUpstream() override;

    Status listen();
    quint16 port() const;

private:
    void handle(HttpExchange *exchange);
    void answer(HttpExchange *exchange);
    QByteArray modelList() const;

    std::unique_ptr<HttpServer> m_server;
};

} // namespace signalbox
