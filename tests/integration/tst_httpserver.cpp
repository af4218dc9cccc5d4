// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/rawhttpclient.h"
#include "http/httpexchange.h"
#include "http/httpserver.h"
#include "http/ssewriter.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace signalbox;

namespace {

const HttpHeaders TextHeaders{{"Content-Type", "text/plain"}};

// Responds to every request at once with "METHOD TARGET" and the request body.
void echo(HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    exchange->respond(200, TextHeaders,
                      request.method + ' ' + request.target + '\n' + request.body);
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keepAliveServesSeveralRequests();
    void connectionHeaderDecidesClose_data();
    void connectionHeaderDecidesClose();
    void requestFieldsParsed();
    void responseHeadersWrittenAsGiven();
    void pipelinedResponsesKeepOrder();
    void pipelineOverLimitIsPausedNotDropped();
    void largeChunkArrivesWhole();
    void finishedExchangeDeletesChildren();
    void pipelinedExchangeDeletesChildrenLater();
    void streamedHeadFlushesBeforeLaterResponse();
    void chunkArrivesBeforeStreamEnds();
    void http10StreamIsUnframed();
    void chunkedRequestBodyDecoded();
    void expectContinueGetsInterimResponse();
    void oversizedContentLengthRejectedEarly();
    void oversizedBodySentWholeStillGetsResponse();
    void oversizedChunkedBodyRejected();
    void oversizedHeadersRejected();
    void malformedRequestRejected_data();
    void malformedRequestRejected();
    void errorBodyFormatterUsed();
    void idleConnectionClosed();
    void stalledBodyClosedAsIdle();
    void busyConnectionNotIdle();
    void clientDisconnectMidStream();
    void closeEndsConnections();
    void listenFailureNamesAddress();

private:
    void startServer(HttpLimits limits = {});
    void verifyServerStillServes();

    std::unique_ptr<HttpServer> m_server;
};

void TestHttpServer::init() {
    startServer();
}

void TestHttpServer::cleanup() {
    m_server.reset();
}

void TestHttpServer::startServer(HttpLimits limits) {
    m_server = std::make_unique<HttpServer>(limits);
    m_server->setHandler(echo);
    const Status status = m_server->listen(QHostAddress::LocalHost, 0);
    if (!status.ok())
        QFAIL(qPrintable(status.error()));
}

void TestHttpServer::verifyServerStillServes() {
    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/after"));
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("GET /after\n"));
}

void TestHttpServer::keepAliveServesSeveralRequests() {
    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));

    for (int i = 0; i < 3; ++i) {
        const QByteArray path = "/request/" + QByteArray::number(i);
        client.send(getRequest(path));
        const RawResponse response = client.nextResponse();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, "GET " + path + '\n');
        QVERIFY(!response.hasHeader("Connection"));
    }
    QVERIFY(client.isConnected());
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestHttpServer::connectionHeaderDecidesClose_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("expectedConnectionHeader");
    QTest::addColumn<bool>("expectClose");

    QTest::newRow("HTTP/1.0 closes")
        << QByteArray("GET /a HTTP/1.0\r\n\r\n") << QByteArray("close") << true;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        << QByteArray("keep-alive") << false;
    QTest::newRow("HTTP/1.1 close") << QByteArray("GET /a HTTP/1.1\r\nConnection: close\r\n\r\n")
                                    << QByteArray("close") << true;
    QTest::newRow("HTTP/1.1 default")
        << QByteArray("GET /a HTTP/1.1\r\n\r\n") << QByteArray() << false;
}

void TestHttpServer::connectionHeaderDecidesClose() {
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, expectedConnectionHeader);
    QFETCH(bool, expectClose);

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(request);
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Connection"), expectedConnectionHeader);

    if (expectClose) {
        QVERIFY(client.waitForClose());
    } else {
        QTest::qWait(100);
        QVERIFY(client.isConnected());
    }
}

void TestHttpServer::requestFieldsParsed() {
    HttpRequest seen;
    m_server->setHandler([&seen](HttpExchange *exchange) {
        seen = exchange->request();
        exchange->respond(204, {}, {});
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("PUT /v1/items?limit=5&x=y HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Custom-Name: One\r\n"
                "x-custom-name: Two\r\nContent-Length: 4\r\n\r\nbody");
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 204);
    QVERIFY(!response.hasHeader("Content-Length"));

    QCOMPARE(seen.method, QByteArray("PUT"));
    QCOMPARE(seen.target, QByteArray("/v1/items?limit=5&x=y"));
    QCOMPARE(seen.path, QByteArray("/v1/items"));
    QCOMPARE(seen.query, QByteArray("limit=5&x=y"));
    QCOMPARE(seen.body, QByteArray("body"));
    QCOMPARE(seen.httpMajor, 1);
    QCOMPARE(seen.httpMinor, 1);
    QVERIFY(seen.keepAlive);
    QCOMPARE(seen.peerAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(seen.headers.size(), 4);
    QCOMPARE(seen.headers.at(1).first, QByteArray("X-Custom-Name"));
    QCOMPARE(seen.header("X-CUSTOM-NAME"), QByteArray("One"));
    QCOMPARE(seen.header("Missing"), QByteArray());
}

void TestHttpServer::responseHeadersWrittenAsGiven() {
    m_server->setHandler([](HttpExchange *exchange) {
        exchange->respond(200, {{"x-Mixed-CASE", "v"}, {"Content-Length", "999"}}, "abc");
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/"));
    QVERIFY(client.waitForText("abc"));
    QVERIFY(client.received().contains("\r\nx-Mixed-CASE: v\r\n"));
    QVERIFY(client.received().contains("\r\nContent-Length: 3\r\n"));
    QVERIFY(!client.received().contains("999"));
    QVERIFY(!client.received().contains("Content-Type"));
}

void TestHttpServer::pipelinedResponsesKeepOrder() {
    // The first request gets its response last, so the server must hold the later responses back.
    m_server->setHandler([](HttpExchange *exchange) {
        if (exchange->request().path != "/slow") {
            echo(exchange);
            return;
        }
        QPointer<HttpExchange> guard(exchange);
        QTimer::singleShot(150, exchange, [guard] {
            if (guard)
                echo(guard);
        });
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/slow") + getRequest("/fast") + postRequest("/post", "payload"));

    QCOMPARE(client.nextResponse().body, QByteArray("GET /slow\n"));
    QCOMPARE(client.nextResponse().body, QByteArray("GET /fast\n"));
    QCOMPARE(client.nextResponse().body, QByteArray("POST /post\npayload"));
    QVERIFY(client.isConnected());
}

void TestHttpServer::pipelineOverLimitIsPausedNotDropped() {
    HttpLimits limits;
    limits.maxPipelinedRequests = 2;
    startServer(limits);

    int maxInFlight = 0;
    int inFlight = 0;
    m_server->setHandler([&](HttpExchange *exchange) {
        maxInFlight = qMax(maxInFlight, ++inFlight);
        QPointer<HttpExchange> guard(exchange);
        QTimer::singleShot(20, exchange, [guard, &inFlight] {
            --inFlight;
            echo(guard);
        });
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    QByteArray requests;
    for (int i = 0; i < 6; ++i)
        requests += getRequest(QByteArray("/" + QByteArray::number(i)));
    client.send(requests);

    for (int i = 0; i < 6; ++i)
        QCOMPARE(client.nextResponse().body, "GET /" + QByteArray::number(i) + '\n');
    QCOMPARE(maxInFlight, 2);
}

// A chunk larger than a loopback socket's send buffer: the kernel takes only part of it in the
// first write and Qt's buffer sends the rest, before the last chunk and the next response.
void TestHttpServer::largeChunkArrivesWhole() {
    QByteArray large(8 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype at = 0; at < large.size(); ++at)
        large[at] = char('a' + (at * 7) % 26);
    m_server->setHandler([&large](HttpExchange *exchange) {
        if (exchange->request().path != "/stream") {
            echo(exchange);
            return;
        }
        exchange->beginStream(200, {{"Content-Type", "text/plain"}});
        exchange->writeChunk("first");
        exchange->writeChunk(large);
        exchange->writeChunk("last");
        exchange->endStream();
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/stream") + getRequest("/next"));
    const RawResponse streamed = client.nextResponse(20000);
    QVERIFY(streamed.chunked);
    QCOMPARE(streamed.body.size(), large.size() + 9);
    QVERIFY(streamed.body == "first" + large + "last");
    QCOMPARE(client.nextResponse().body, QByteArray("GET /next\n"));
}

// A chat run becomes a child of its finished exchange and relies on the server to delete it.
void TestHttpServer::finishedExchangeDeletesChildren() {
    QPointer<QObject> child;
    m_server->setHandler([&child](HttpExchange *exchange) {
        echo(exchange);
        child = new QObject(exchange);
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/"));
    QCOMPARE(client.nextResponse().status, 200);
    QVERIFY(client.isConnected());
    QTRY_VERIFY(child.isNull());
}

// A response finished behind a slower one is deleted once it reaches the head of the pipeline,
// or when the connection closes first.
void TestHttpServer::pipelinedExchangeDeletesChildrenLater() {
    for (const bool closeEarly : {false, true}) {
        QPointer<QObject> fastChild;
        QPointer<HttpExchange> slow;
        m_server->setHandler([&](HttpExchange *exchange) {
            if (exchange->request().path == "/slow") {
                slow = exchange;
                return;
            }
            echo(exchange);
            fastChild = new QObject(exchange);
        });

        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->serverPort()));
        client.send(getRequest("/slow") + getRequest("/fast"));
        QTRY_VERIFY(fastChild);
        QTest::qWait(20);
        QVERIFY2(fastChild, "a response still waiting to be sent was deleted");

        if (closeEarly) {
            client.socket().abort();
        } else {
            QVERIFY(slow);
            echo(slow);
            QCOMPARE(client.nextResponse().body, QByteArray("GET /slow\n"));
            QCOMPARE(client.nextResponse().body, QByteArray("GET /fast\n"));
        }
        QTRY_VERIFY(fastChild.isNull());
        QTRY_VERIFY(slow.isNull());
    }
}

void TestHttpServer::streamedHeadFlushesBeforeLaterResponse() {
    QPointer<HttpExchange> stream;
    m_server->setHandler([&stream](HttpExchange *exchange) {
        if (exchange->request().path == "/stream") {
            stream = exchange;
            exchange->beginStream(200, {{"Content-Type", "text/event-stream"}});
            exchange->writeChunk(sseEvent("first"));
            return;
        }
        echo(exchange);
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/stream") + getRequest("/next"));

    QVERIFY(client.waitForText("data: first\n\n"));
    QTest::qWait(50);
    QVERIFY2(!client.received().contains("GET /next"), "a later response overtook the stream");

    QVERIFY(stream);
    stream->writeChunk(sseEvent("second"));
    stream->endStream();
    const RawResponse streamed = client.nextResponse();
    QVERIFY(streamed.chunked);
    QCOMPARE(streamed.body, QByteArray("data: first\n\ndata: second\n\n"));
    QCOMPARE(client.nextResponse().body, QByteArray("GET /next\n"));
}

void TestHttpServer::chunkArrivesBeforeStreamEnds() {
    QPointer<HttpExchange> stream;
    m_server->setHandler([&stream](HttpExchange *exchange) {
        stream = exchange;
        exchange->beginStream(200, {{"Content-Type", "text/event-stream"}});
        QTimer::singleShot(30, exchange,
                           [exchange] { exchange->writeChunk(sseEvent(R"({"n":1})", "message")); });
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/v1/chat/completions"));

    QVERIFY(client.waitForText("event: message\ndata: {\"n\":1}\n\n"));
    QVERIFY(!client.received().contains("\r\n0\r\n\r\n"));
    QVERIFY(stream);
    QVERIFY(!stream->isFinished());

    stream->endStream();
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(response.body, QByteArray("event: message\ndata: {\"n\":1}\n\n"));
    QVERIFY(client.isConnected());
}

void TestHttpServer::http10StreamIsUnframed() {
    m_server->setHandler([](HttpExchange *exchange) {
        exchange->beginStream(200, {});
        exchange->writeChunk("part one, ");
        exchange->writeChunk("part two");
        exchange->endStream();
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    QVERIFY(client.waitForClose());
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    QVERIFY(!response.hasHeader("Transfer-Encoding"));
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QCOMPARE(response.body, QByteArray("part one, part two"));
}

void TestHttpServer::chunkedRequestBodyDecoded() {
    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("POST /upload HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                "5\r\nhello\r\n");
    QTest::qWait(20);
    client.send("7;ext=1\r\n, world\r\n0\r\n\r\n");

    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("POST /upload\nhello, world"));
}

void TestHttpServer::expectContinueGetsInterimResponse() {
    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("POST /big HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");

    const RawResponse interim = client.nextResponse();
    QCOMPARE(interim.status, 100);
    QVERIFY(client.received().isEmpty());

    client.send("12345");
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("POST /big\n12345"));
}

void TestHttpServer::oversizedContentLengthRejectedEarly() {
    HttpLimits limits;
    limits.maxBodyBytes = 1024;
    startServer(limits);
    bool handlerCalled = false;
    m_server->setHandler([&handlerCalled](HttpExchange *exchange) {
        handlerCalled = true;
        echo(exchange);
    });

    // Only the head is sent: the reply must come from the declared length alone.
    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("POST /v1/messages HTTP/1.1\r\nContent-Length: 100000000\r\n\r\n");

    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 413);
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(response.body.contains("1024 bytes"));
    QVERIFY(client.waitForClose());
    QVERIFY(!handlerCalled);
    verifyServerStillServes();
}

void TestHttpServer::oversizedBodySentWholeStillGetsResponse() {
    HttpLimits limits;
    limits.maxBodyBytes = 1024;
    startServer(limits);

    // Clients such as fetch send the whole body before they read. The server must keep reading
    // after its 413, or closing the socket on unread input resets the connection and the client
    // sees a network error instead of the answer.
    const QByteArray body(4 * 1024 * 1024, 'x');
    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(postRequest("/v1/chat/completions", body));

    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 413);
    QVERIFY(response.body.contains("1024 bytes"));
    QVERIFY(client.waitForClose());
    verifyServerStillServes();
}

void TestHttpServer::oversizedChunkedBodyRejected() {
    HttpLimits limits;
    limits.maxBodyBytes = 10;
    startServer(limits);

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");

    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 413);
    QVERIFY(client.waitForClose());
    verifyServerStillServes();
}

void TestHttpServer::oversizedHeadersRejected() {
    HttpLimits limits;
    limits.maxHeaderBytes = 1024;
    startServer(limits);

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/", QByteArray("X-Large: " + QByteArray(2000, 'a') + "\r\n")));

    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 431);
    QVERIFY(response.body.contains("1024 bytes"));
    QVERIFY(client.waitForClose());
    verifyServerStillServes();
}

void TestHttpServer::malformedRequestRejected_data() {
    QTest::addColumn<QByteArray>("request");

    QTest::newRow("unknown method") << QByteArray("FETCHX / HTTP/1.1\r\n\r\n");
    QTest::newRow("bad version") << QByteArray("GET / HTTP/9x\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n");
    QTest::newRow("bad content length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n");
    QTest::newRow("bad chunk size")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TestHttpServer::malformedRequestRejected() {
    QFETCH(QByteArray, request);

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(request);

    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 400);
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY(response.body.startsWith("{\"error\":{\"message\":"));
    QVERIFY(client.waitForClose());
    verifyServerStillServes();
}

void TestHttpServer::errorBodyFormatterUsed() {
    m_server->setErrorBodyFormatter(
        [](int status, const QString &message, const QByteArray &path) -> QByteArray {
            return "status=" + QByteArray::number(status) + " path=" + path +
                   " message=" + message.toUtf8();
        });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("NOT HTTP\r\n\r\n");
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 400);
    QVERIFY(response.body.startsWith("status=400 path= message=The request is not valid HTTP/1.1"));

    // The path reaches the formatter without its query, so it can choose the API's envelope.
    RawHttpClient second;
    QVERIFY(second.connectTo(m_server->serverPort()));
    second.send("GET /v1/messages?beta=true HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    const RawResponse malformed = second.nextResponse();
    QCOMPARE(malformed.status, 400);
    QVERIFY2(malformed.body.startsWith("status=400 path=/v1/messages message="),
             malformed.body.constData());
}

void TestHttpServer::idleConnectionClosed() {
    HttpLimits limits;
    limits.idleTimeoutMs = 200;
    startServer(limits);

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/"));
    QCOMPARE(client.nextResponse().status, 200);

    QVERIFY(client.waitForClose(3000));
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::stalledBodyClosedAsIdle() {
    HttpLimits limits;
    limits.idleTimeoutMs = 200;
    startServer(limits);

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send("POST /upload HTTP/1.1\r\nContent-Length: 10\r\n\r\n123");

    QVERIFY(client.waitForClose(3000));
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestHttpServer::busyConnectionNotIdle() {
    HttpLimits limits;
    limits.idleTimeoutMs = 100;
    startServer(limits);
    m_server->setHandler([](HttpExchange *exchange) {
        QPointer<HttpExchange> guard(exchange);
        QTimer::singleShot(400, exchange, [guard] { echo(guard); });
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/slow"));
    const RawResponse response = client.nextResponse();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("GET /slow\n"));
}

void TestHttpServer::clientDisconnectMidStream() {
    QPointer<HttpExchange> stream;
    int disconnects = 0;
    bool writeAfterGoneHarmless = false;
    m_server->setHandler([&](HttpExchange *exchange) {
        stream = exchange;
        QObject::connect(exchange, &HttpExchange::clientDisconnected, exchange, [&, exchange] {
            ++disconnects;
            exchange->writeChunk("late");
            exchange->endStream();
            writeAfterGoneHarmless = exchange->isClientGone();
        });
        exchange->beginStream(200, {{"Content-Type", "text/event-stream"}});
        exchange->writeChunk(sseEvent("first"));
    });

    RawHttpClient client;
    QVERIFY(client.connectTo(m_server->serverPort()));
    client.send(getRequest("/stream"));
    QVERIFY(client.waitForText("data: first"));
    client.socket().abort();

    QTRY_COMPARE(disconnects, 1);
    QVERIFY(writeAfterGoneHarmless);
    QTRY_VERIFY(stream.isNull());
    QCOMPARE(m_server->connectionCount(), 0);

    m_server->setHandler(echo);
    verifyServerStillServes();
}

void TestHttpServer::closeEndsConnections() {
    RawHttpClient first;
    RawHttpClient second;
    QVERIFY(first.connectTo(m_server->serverPort()));
    QVERIFY(second.connectTo(m_server->serverPort()));
    first.send(getRequest("/"));
    QCOMPARE(first.nextResponse().status, 200);
    QTRY_COMPARE(m_server->connectionCount(), 2);

    m_server->close();
    QCOMPARE(m_server->connectionCount(), 0);
    QVERIFY(first.waitForClose());
    QVERIFY(second.waitForClose());
}

void TestHttpServer::listenFailureNamesAddress() {
    HttpServer second({});
    const Status status = second.listen(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(!status.ok());
    const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(m_server->serverPort());
    QVERIFY2(status.error().contains(endpoint), qPrintable(status.error()));
    QVERIFY2(status.error().contains(QStringLiteral("port 0")), qPrintable(status.error()));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
