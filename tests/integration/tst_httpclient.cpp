// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpclient.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

using namespace signalbox;

Q_DECLARE_METATYPE(HttpClientError)

namespace {

constexpr int WaitMs = 5000;

const QByteArray ChunkedResponse = "HTTP/1.1 200 OK\r\n"
                                   "Content-Type: text/plain\r\n"
                                   "Transfer-Encoding: chunked\r\n"
                                   "\r\n"
                                   "5\r\nhello\r\n"
                                   "1;name=value\r\n,\r\n"
                                   "6\r\n world\r\n"
                                   "0\r\n"
                                   "\r\n";

QByteArray okResponse(const QByteArray &body) {
    return "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
           body;
}

// A loopback server that reads each request whole (head and Content-Length body) and passes it
// to `respond`, which writes whatever bytes the test needs or closes the socket. With a
// keep-alive timeout it closes a connection that stays idle that long after a request, as
// Node.js and nginx do.
class ScriptedServer : public QObject {
public:
    using Responder = std::function<void(QTcpSocket *socket, int connection, int request)>;

    explicit ScriptedServer(Responder responder, QTcpServer *server = nullptr)
        : m_server(server ? server : new QTcpServer(this))
        , m_respond(std::move(responder)) {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
                &ScriptedServer::acceptConnections);
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }
    void setKeepAliveTimeoutMs(int ms) { m_keepAliveTimeoutMs = ms; }
    QUrl url(const QString &scheme = QStringLiteral("http")) const {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/v1/chat?x=1")
                        .arg(scheme)
                        .arg(m_server->serverPort()));
    }

    int connections = 0;
    int requests = 0;
    int disconnects = 0;
    int idleCloses = 0;         // connections the server closed after its keep-alive timeout
    QList<QByteArray> received; // each whole request

private:
    void acceptConnections() {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            const int index = connections++;
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this,
                    [this, socket, index, buffer] { readRequests(socket, index, *buffer); });
            if (m_keepAliveTimeoutMs > 0)
                startKeepAliveTimer(socket);
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                ++disconnects;
                socket->deleteLater();
            });
        }
    }

    void readRequests(QTcpSocket *socket, int connection, QByteArray &buffer) {
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const qsizetype lengthAt = buffer.indexOf("Content-Length: ");
            const qsizetype lineEnd = buffer.indexOf("\r\n", lengthAt);
            const qsizetype length =
                lengthAt < 0 ? 0 : buffer.mid(lengthAt + 16, lineEnd - lengthAt - 16).toLongLong();
            const qsizetype total = headEnd + 4 + length;
            if (buffer.size() < total)
                return;
            received << buffer.left(total);
            buffer.remove(0, total);
            m_respond(socket, connection, requests++);
            if (auto *timer = socket->findChild<QTimer *>())
                timer->start();
        }
    }

    void startKeepAliveTimer(QTcpSocket *socket) {
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        timer->setInterval(m_keepAliveTimeoutMs);
        connect(timer, &QTimer::timeout, socket, [this, socket] {
            ++idleCloses;
            socket->disconnectFromHost();
        });
        timer->start();
    }

    QTcpServer *m_server;
    Responder m_respond;
    int m_keepAliveTimeoutMs = 0;
};

// Records every callback of one exchange.
class Recorder final : public HttpClientListener {
public:
    void onRequestSent() override { ++sent; }
    void onResponseHead() override { ++heads; }
    void onResponseBody(const QByteArray &bytes) override {
        body += bytes;
        ++pieces;
    }
    void onResponseFinished() override {
        ++finished;
        if (onFinished)
            onFinished();
    }

    int sent = 0;
    int heads = 0;
    int pieces = 0;
    int finished = 0;
    QByteArray body;
    std::function<void()> onFinished;
};

HttpClientRequest postTo(const QUrl &url, const QByteArray &body = "{}") {
    return {url, {{"Content-Type", "application/json"}}, body};
}

// Posts to the URL and waits up to WaitMs for the end of the exchange. Callers check
// recorder.finished, so a timeout fails there.
std::unique_ptr<HttpClientReply> exchange(HttpClient &client, const QUrl &url, Recorder &recorder) {
    std::unique_ptr<HttpClientReply> reply = client.post(postTo(url), &recorder);
    static_cast<void>(QTest::qWaitFor([&recorder] { return recorder.finished > 0; }, WaitMs));
    return reply;
}

// Runs one exchange whose connection goes back to the pool. Returns false when the exchange
// failed or left no idle connection.
bool poolOneConnection(HttpClient &client, const QUrl &url) {
    Recorder recorder;
    const auto reply = exchange(client, url, recorder);
    return recorder.finished == 1 && reply->error() == HttpClientError::None &&
           client.idleConnections() == 1;
}

} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT

private slots:
    void contentLengthResponse();
    void requestWrittenAsHttp11();
    void largeRequestsSentWhole();
    void chunkedSplitAtEveryByte();
    void keepAliveReusesConnection();
    void largeAndSmallBodiesOnOneConnection();
    void connectionCloseNotReused();
    void pooledConnectionClosed_data();
    void pooledConnectionClosed();
    void idleConnectionClosedBeforeServer();
    void requestNeverSentTwice();
    void responseEnd_data();
    void responseEnd();
    void deletingReplyClosesConnection();
    void connectionRefusedReportedLater();
    void unresolvableHostNamed();
    void maxConnectionsQueuesRequests();
    void tlsCertificateChecked_data();
    void tlsCertificateChecked();

private:
    bool makeCertificate(QTemporaryDir &dir);
    QSslConfiguration serverTls(const QTemporaryDir &dir);
};

void TestHttpClient::contentLengthResponse() {
    ScriptedServer server([](QTcpSocket *socket, int, int) {
        socket->write(
            "HTTP/1.1 201 Created\r\nX-Request-Id: abc\r\nContent-Length: 5\r\n\r\nhello");
    });
    QVERIFY(server.listen());

    HttpClient client;
    Recorder recorder;
    const auto reply = exchange(client, server.url(), recorder);
    QCOMPARE(recorder.finished, 1);

    QCOMPARE(reply->error(), HttpClientError::None);
    QCOMPARE(reply->status(), 201);
    QCOMPARE(reply->header("x-request-id"), QByteArray("abc"));
    QCOMPARE(recorder.body, QByteArray("hello"));
    QCOMPARE(recorder.sent, 1);
    QCOMPARE(recorder.heads, 1);
    QVERIFY(reply->isFinished());
}

void TestHttpClient::requestWrittenAsHttp11() {
    ScriptedServer server([](QTcpSocket *socket, int, int) { socket->write(okResponse("{}")); });
    QVERIFY(server.listen());

    HttpClient client;
    Recorder recorder;
    const auto reply = client.post(postTo(server.url(), "{\"a\":1}"), &recorder);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);

    QCOMPARE(server.received.size(), 1);
    const QByteArray expected =
        "POST /v1/chat?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(server.url().port()) +
        "\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n"
        "{\"a\":1}";
    QCOMPARE(server.received.first(), expected);
}

// Each body is larger than a loopback socket's send buffer, so the kernel takes only part of it
// in the first write and Qt's buffer sends the rest. The second request goes over the pooled
// connection, where the first write happens inside post().
void TestHttpClient::largeRequestsSentWhole() {
    ScriptedServer server([](QTcpSocket *socket, int, int) { socket->write(okResponse("{}")); });
    QVERIFY(server.listen());

    HttpClient client;
    for (int i = 0; i < 2; ++i) {
        QByteArray body(8 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype at = 0; at < body.size(); ++at)
            body[at] = char('a' + (at * 7 + i) % 26);
        Recorder recorder;
        const auto reply = client.post(postTo(server.url(), body), &recorder);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);

        QCOMPARE(reply->error(), HttpClientError::None);
        QCOMPARE(recorder.sent, 1);
        QCOMPARE(server.received.size(), i + 1);
        QVERIFY(server.received.last().endsWith(body));
        QCOMPARE(server.received.last().size() - server.received.last().indexOf("\r\n\r\n") - 4,
                 body.size());
    }
    QCOMPARE(server.connections, 1);
}

// The response goes out in two writes split at each offset in turn, so every parser state
// meets the end of a read. The event loop runs between the writes, so the client usually reads
// them separately.
void TestHttpClient::chunkedSplitAtEveryByte() {
    int splitAt = 0;
    ScriptedServer server([&splitAt](QTcpSocket *socket, int, int) {
        socket->write(ChunkedResponse.left(splitAt));
        socket->flush();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        socket->write(ChunkedResponse.mid(splitAt));
    });
    QVERIFY(server.listen());

    HttpClient client;
    int splitReads = 0;
    for (splitAt = 1; splitAt < ChunkedResponse.size(); ++splitAt) {
        Recorder recorder;
        const auto reply = client.post(postTo(server.url()), &recorder);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);
        QVERIFY2(reply->error() == HttpClientError::None, qPrintable(reply->errorString()));
        QCOMPARE(reply->status(), 200);
        QCOMPARE(recorder.body, QByteArray("hello, world"));
        splitReads += recorder.pieces > 1 ? 1 : 0;
    }
    // Some body arrived in two reads, so the splits did reach the client separately.
    QVERIFY(splitReads > 0);
    // Every response was complete, so one connection carried them all.
    QCOMPARE(client.connectionsOpened(), 1);
    QCOMPARE(server.connections, 1);
}

void TestHttpClient::keepAliveReusesConnection() {
    ScriptedServer server([](QTcpSocket *socket, int, int request) {
        socket->write(okResponse(QByteArray::number(request)));
    });
    QVERIFY(server.listen());

    HttpClient client;
    for (int i = 0; i < 3; ++i) {
        Recorder recorder;
        const auto reply = client.post(postTo(server.url()), &recorder);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);
        QCOMPARE(recorder.body, QByteArray::number(i));
        QCOMPARE(client.idleConnections(), 1);
    }
    QCOMPARE(server.connections, 1);
    QCOMPARE(client.connectionsOpened(), 1);
}

// The connection keeps its read buffer between responses and drops it after a large one. Each
// body must arrive whole and unchanged either way.
void TestHttpClient::largeAndSmallBodiesOnOneConnection() {
    const QList<QByteArray> bodies{QByteArray(1024 * 1024, 'a'), "small",
                                   QByteArray(300 * 1024, 'b'), "x"};
    ScriptedServer server([&bodies](QTcpSocket *socket, int, int request) {
        socket->write(okResponse(bodies.at(request)));
    });
    QVERIFY(server.listen());

    HttpClient client;
    for (const QByteArray &expected : bodies) {
        Recorder recorder;
        const auto reply = client.post(postTo(server.url()), &recorder);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);
        QCOMPARE(reply->error(), HttpClientError::None);
        QCOMPARE(recorder.body.size(), expected.size());
        QCOMPARE(recorder.body, expected);
    }
    QCOMPARE(client.connectionsOpened(), 1);
}

void TestHttpClient::connectionCloseNotReused() {
    ScriptedServer server([](QTcpSocket *socket, int, int) {
        socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
    });
    QVERIFY(server.listen());

    HttpClient client;
    for (int i = 0; i < 2; ++i) {
        Recorder recorder;
        const auto reply = client.post(postTo(server.url()), &recorder);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);
        QCOMPARE(reply->error(), HttpClientError::None);
        QCOMPARE(client.idleConnections(), 0);
    }
    QCOMPARE(client.connectionsOpened(), 2);
}

// The server closes the pooled connection while it is idle. The client notices the close in its
// event loop, or, when its event loop has not run since, by asking the kernel before reuse. Either
// way the next request goes out once, on a new connection.
void TestHttpClient::pooledConnectionClosed_data() {
    QTest::addColumn<bool>("eventLoopRuns");
    QTest::newRow("seen by the event loop") << true;
    QTest::newRow("before the event loop runs") << false;
}

void TestHttpClient::pooledConnectionClosed() {
    QFETCH(bool, eventLoopRuns);
    QTcpSocket *firstSocket = nullptr;
    ScriptedServer server([&](QTcpSocket *socket, int connection, int) {
        if (connection == 0)
            firstSocket = socket;
        socket->write(okResponse("ok"));
    });
    QVERIFY(server.listen());

    HttpClient client;
    QVERIFY(poolOneConnection(client, server.url()));

    firstSocket->disconnectFromHost();
    if (eventLoopRuns) {
        QTRY_COMPARE_WITH_TIMEOUT(client.idleConnections(), 0, WaitMs);
    } else {
        // Gives the kernel time to deliver the FIN while the client's socket still reads as
        // connected to Qt.
        QThread::msleep(100);
        QCOMPARE(client.idleConnections(), 1);
    }

    Recorder second;
    const auto secondReply = exchange(client, server.url(), second);
    QCOMPARE(second.finished, 1);
    QVERIFY2(secondReply->error() == HttpClientError::None, qPrintable(secondReply->errorString()));
    QCOMPARE(second.body, QByteArray("ok"));
    QCOMPARE(server.connections, 2);
    QCOMPARE(server.requests, 2);
}

// A server with Node.js's default keep-alive timeout of 5 s: the client closes its idle
// connection first, so it never sends a request into the server's close.
void TestHttpClient::idleConnectionClosedBeforeServer() {
    constexpr int NodeKeepAliveTimeoutMs = 5000;
    ScriptedServer server([](QTcpSocket *socket, int, int) { socket->write(okResponse("ok")); });
    server.setKeepAliveTimeoutMs(NodeKeepAliveTimeoutMs);
    QVERIFY(server.listen());

    HttpClient client;
    QVERIFY(client.idleTimeoutMs() < NodeKeepAliveTimeoutMs);
    Recorder recorder;
    const auto reply = exchange(client, server.url(), recorder);
    QCOMPARE(recorder.finished, 1);
    QCOMPARE(client.idleConnections(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, NodeKeepAliveTimeoutMs + WaitMs);
    QCOMPARE(server.idleCloses, 0);
    QCOMPARE(client.openConnections(), 0);
}

// The server reads the request on a reused connection, then closes it without a response. It may
// have acted on the request, so the client reports the failure instead of sending it again.
void TestHttpClient::requestNeverSentTwice() {
    ScriptedServer server([](QTcpSocket *socket, int, int request) {
        if (request == 1) {
            socket->abort();
            return;
        }
        socket->write(okResponse("ok"));
    });
    QVERIFY(server.listen());

    HttpClient client;
    QVERIFY(poolOneConnection(client, server.url()));

    Recorder second;
    const auto secondReply = exchange(client, server.url(), second);
    QCOMPARE(second.finished, 1);
    QCOMPARE(secondReply->error(), HttpClientError::ConnectionClosed);
    QVERIFY2(secondReply->errorString().contains(QLatin1String("not sent again")),
             qPrintable(secondReply->errorString()));
    QCOMPARE(second.heads, 0);

    // Later events, such as a retry on a new connection, would show in the counts.
    QTest::qWait(200);
    QCOMPARE(server.requests, 2);
    QCOMPARE(server.connections, 1);
    QCOMPARE(client.connectionsOpened(), 1);
}

// Each row: the bytes the server writes before it closes the connection, and how the exchange
// ends.
void TestHttpClient::responseEnd_data() {
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<HttpClientError>("error");
    QTest::addColumn<QString>("errorText");
    QTest::addColumn<int>("heads");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("body ends with connection")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it")
        << HttpClientError::None << QString() << 1 << QByteArray("all of it");
    QTest::newRow("body shorter than length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")
        << HttpClientError::ConnectionClosed
        << QStringLiteral("Connection closed before the end of the response") << 1
        << QByteArray("half");
    QTest::newRow("closed without response")
        << QByteArray() << HttpClientError::ConnectionClosed << QStringLiteral("Connection closed")
        << 0 << QByteArray();
    QTest::newRow("not HTTP") << QByteArray("SMTP ready\r\n\r\n") << HttpClientError::Protocol
                              << QStringLiteral("invalid HTTP response") << 0 << QByteArray();
}

void TestHttpClient::responseEnd() {
    QFETCH(QByteArray, response);
    QFETCH(HttpClientError, error);
    QFETCH(QString, errorText);
    QFETCH(int, heads);
    QFETCH(QByteArray, body);

    ScriptedServer server([&response](QTcpSocket *socket, int, int) {
        socket->write(response);
        socket->disconnectFromHost();
    });
    QVERIFY(server.listen());

    HttpClient client;
    Recorder recorder;
    const auto reply = exchange(client, server.url(), recorder);
    QCOMPARE(recorder.finished, 1);

    QCOMPARE(reply->error(), error);
    QVERIFY2(reply->errorString().contains(errorText), qPrintable(reply->errorString()));
    QCOMPARE(recorder.heads, heads);
    QCOMPARE(recorder.body, body);
    // A request on a new connection is never sent twice.
    QCOMPARE(server.requests, 1);
    QCOMPARE(server.connections, 1);
    QTRY_COMPARE_WITH_TIMEOUT(client.openConnections(), 0, WaitMs);
}

void TestHttpClient::deletingReplyClosesConnection() {
    ScriptedServer server([](QTcpSocket *socket, int, int) {
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n");
    });
    QVERIFY(server.listen());

    HttpClient client;
    Recorder recorder;
    auto reply = client.post(postTo(server.url()), &recorder);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.body, QByteArray("first"), WaitMs);

    reply.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, WaitMs);
    QCOMPARE(recorder.finished, 0);
    QCOMPARE(client.openConnections(), 0);
}

void TestHttpClient::connectionRefusedReportedLater() {
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    HttpClient client;
    Recorder recorder;
    const auto reply =
        client.post(postTo(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port))), &recorder);
    QCOMPARE(recorder.finished, 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);

    QCOMPARE(reply->error(), HttpClientError::ConnectionRefused);
    QVERIFY2(reply->errorString().contains(QLatin1String("refused")),
             qPrintable(reply->errorString()));
    QCOMPARE(client.openConnections(), 0);
}

// The .invalid top-level domain never resolves (RFC 2606), so no packet leaves the machine.
void TestHttpClient::unresolvableHostNamed() {
    HttpClient client;
    Recorder recorder;
    const auto reply =
        client.post(postTo(QUrl(QStringLiteral("http://nowhere.invalid/v1"))), &recorder);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);

    QCOMPARE(reply->error(), HttpClientError::HostNotFound);
    QCOMPARE(reply->errorString(), QStringLiteral("Host nowhere.invalid not found"));
}

void TestHttpClient::maxConnectionsQueuesRequests() {
    QList<QTcpSocket *> heldSockets;
    ScriptedServer server([&heldSockets](QTcpSocket *socket, int, int) { heldSockets << socket; });
    QVERIFY(server.listen());

    HttpClient client(2);
    Recorder recorders[3];
    std::unique_ptr<HttpClientReply> replies[3];
    for (int i = 0; i < 3; ++i)
        replies[i] = client.post(postTo(server.url()), &recorders[i]);
    QTRY_COMPARE_WITH_TIMEOUT(heldSockets.size(), 2, WaitMs);
    QCOMPARE(client.openConnections(), 2);
    QCOMPARE(recorders[2].sent, 0);

    heldSockets.takeFirst()->write(okResponse("one"));
    QTRY_COMPARE_WITH_TIMEOUT(heldSockets.size(), 2, WaitMs);
    QCOMPARE(client.openConnections(), 2);
    for (QTcpSocket *socket : heldSockets)
        socket->write(okResponse("two"));
    for (Recorder &recorder : recorders)
        QTRY_COMPARE_WITH_TIMEOUT(recorder.finished, 1, WaitMs);
    // The waiting request took the first connection once it was released.
    QCOMPARE(server.connections, 2);
    QCOMPARE(client.connectionsOpened(), 2);
}

bool TestHttpClient::makeCertificate(QTemporaryDir &dir) {
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        return false;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                   QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem"))});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}

QSslConfiguration TestHttpClient::serverTls(const QTemporaryDir &dir) {
    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    certFile.open(QIODevice::ReadOnly);
    keyFile.open(QIODevice::ReadOnly);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

// The client trusts what Qt's default TLS configuration trusts: the system CAs, which do not
// include the test's self-signed certificate unless a row adds it.
void TestHttpClient::tlsCertificateChecked_data() {
    QTest::addColumn<bool>("trusted");
    QTest::newRow("self-signed rejected") << false;
    QTest::newRow("trusted accepted") << true;
}

void TestHttpClient::tlsCertificateChecked() {
    QFETCH(bool, trusted);
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QTemporaryDir dir;
    if (!makeCertificate(dir))
        QSKIP("openssl could not make a test certificate");

    const QSslConfiguration previous = QSslConfiguration::defaultConfiguration();
    const auto restore =
        qScopeGuard([&previous] { QSslConfiguration::setDefaultConfiguration(previous); });
    if (trusted) {
        QSslConfiguration trusting = previous;
        trusting.addCaCertificates(dir.filePath(QStringLiteral("cert.pem")));
        QSslConfiguration::setDefaultConfiguration(trusting);
    }

    auto *tlsServer = new QSslServer;
    tlsServer->setSslConfiguration(serverTls(dir));
    ScriptedServer server([](QTcpSocket *socket, int, int) { socket->write(okResponse("ok")); },
                          tlsServer);
    QVERIFY(server.listen());

    HttpClient client;
    Recorder recorder;
    const auto reply = exchange(client, server.url(QStringLiteral("https")), recorder);
    QCOMPARE(recorder.finished, 1);

    if (trusted) {
        QVERIFY2(reply->error() == HttpClientError::None, qPrintable(reply->errorString()));
        QCOMPARE(recorder.body, QByteArray("ok"));
        return;
    }
    QCOMPARE(reply->error(), HttpClientError::Tls);
    QVERIFY2(reply->errorString().contains(QLatin1String("self-signed"), Qt::CaseInsensitive) ||
                 reply->errorString().contains(QLatin1String("self signed"), Qt::CaseInsensitive),
             qPrintable(reply->errorString()));
    QCOMPARE(server.requests, 0);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
