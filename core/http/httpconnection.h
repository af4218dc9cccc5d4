// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "http/httprequestparser.h"
#include "http/httpserversettings.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

class QTcpSocket;

namespace signalbox {

class HttpExchange;

// One client connection: it reads and parses requests, passes each one to the handler as an
// HttpExchange and writes the responses in request order. Internal to the http folder.
class HttpConnection : public QObject, private HttpRequestParser::Listener {
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, std::shared_ptr<const HttpServerSettings> settings,
                   QObject *parent);
    ~HttpConnection() override;

    // Closes the socket at once. Unfinished exchanges get clientDisconnected().
    void abort();

signals:
    // The socket is closed and every exchange is scheduled for deletion.
    void closed(HttpConnection *connection);

private:
    friend class HttpExchange;

    void onRequestHead(const HttpRequest &head) override;
    bool onRequestComplete(HttpRequest &request) override;

    void readFromSocket();
    void parse(const char *data, qsizetype size);
    bool pipelineHasRoom() const;
    void resumeParsing();
    void rejectRequest(HttpRequestParser::Failure failure);
    void timeOutRequest();
    void respondAndClose(int status, const QString &message);
    void dispatch(HttpExchange *exchange);

    void writeResponseBytes(HttpExchange *exchange, const QByteArray &bytes, bool flushNow);
    void finishExchange(HttpExchange *exchange);
    void advancePipeline();
    void closeAfterResponse();
    void shutDownWriting();
    void checkIdle();
    void onDisconnected();

    QTcpSocket *m_socket;
    std::shared_ptr<const HttpServerSettings> m_settings;
    HttpRequestParser m_parser;
    QHostAddress m_peerAddress;
    std::deque<HttpExchange *> m_exchanges;     // in request order; the front one is written
    HttpExchange *m_incomingExchange = nullptr; // head parsed, body still arriving
    QByteArray m_unparsed;                      // input after a pause, parsed on resume
    bool m_parsing = false;
    bool m_parserPaused = false;
    bool m_acceptingRequests = true; // false after an error or a request that ends the connection
    bool m_closed = false;
    bool m_lingering = false;       // the last response is written or being written
    bool m_writingShutDown = false; // the client has been sent the end of the stream
    QTimer m_idleTimer;
    QElapsedTimer m_sinceActivity;
    QElapsedTimer m_requestClock; // since the first read of the request being received, if any
};

} // namespace signalbox
