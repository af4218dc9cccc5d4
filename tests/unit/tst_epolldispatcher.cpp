// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// The epoll event dispatcher runs this whole test's main thread, so Qt's own machinery (timers,
// queued calls, deferred deletes, sockets, QSignalSpy::wait) goes through it, as it does on the
// router thread.
#include "http/epolldispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include <sys/socket.h>
#include <unistd.h>

using namespace signalbox;

namespace {

// Both ends of a Unix stream socket pair, closed when it goes.
struct SocketPair {
    int ends[2] = {-1, -1};

    SocketPair() { socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends); }
    ~SocketPair() {
        for (int fd : ends) {
            if (fd >= 0)
                close(fd);
        }
    }
    bool ok() const { return ends[0] >= 0 && ends[1] >= 0; }
    void send(char byte) const { QCOMPARE(::write(ends[1], &byte, 1), ssize_t(1)); }
    void drain() const {
        char buffer[64];
        while (::read(ends[0], buffer, sizeof buffer) > 0) {
        }
    }
};

// Hands each timer event of the object to a function, so a test can start and stop timers by id.
class TimerProbe : public QObject {
public:
    std::function<void(int)> onTimer;

protected:
    void timerEvent(QTimerEvent *event) override { onTimer(event->timerId()); }
};

// Runs the event loop until `done` holds or `timeoutMs` passes, waiting in the dispatcher
// (QEventLoop::exec blocks), unlike QTest::qWait, which only polls.
template <typename Condition> bool runUntil(Condition done, int timeoutMs = 5000) {
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

} // namespace

class TestEpollDispatcher : public QObject {
    Q_OBJECT

private slots:
    void theMainThreadUsesIt();
    void readNotifierStopsWhenDisabled();
    void writeNotifierToggledStillFires();
    void reusedDescriptorIsWatched();
    void notifierDeletedMidBatch();
    void regularFileIsAlwaysReady();
    void timersFireInOrder();
    void repeatingTimerStops();
    void stoppedDueTimerDoesNotFire();
    void reusedTimerIdWaitsItsTurn();
    void manyTimersFireInOrder();
    void remainingTimeCountsDown();
    void crossThreadPostWakesWait();
    void crossThreadQuitEndsLoop();
    void deferredDeleteRuns();
    void tcpEchoOverLoopback();
    void workerThreadRunsOnIt();
};

void TestEpollDispatcher::theMainThreadUsesIt() {
    QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
}

void TestEpollDispatcher::readNotifierStopsWhenDisabled() {
    SocketPair pair;
    QVERIFY(pair.ok());
    QSocketNotifier notifier(pair.ends[0], QSocketNotifier::Read);
    int fired = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++fired;
        pair.drain();
    });

    pair.send('a');
    QVERIFY(runUntil([&] { return fired == 1; }));

    notifier.setEnabled(false);
    pair.send('b');
    QTest::qWait(50);
    QCOMPARE(fired, 1);

    notifier.setEnabled(true);
    QVERIFY(runUntil([&] { return fired == 2; }));
}

void TestEpollDispatcher::writeNotifierToggledStillFires() {
    SocketPair pair;
    QVERIFY(pair.ok());
    QSocketNotifier notifier(pair.ends[0], QSocketNotifier::Write);
    int fired = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++fired;
        notifier.setEnabled(false);
    });
    QVERIFY(runUntil([&] { return fired == 1; }));

    // Disabled and enabled again before the dispatcher waits: the kernel must still watch it.
    notifier.setEnabled(true);
    notifier.setEnabled(false);
    notifier.setEnabled(true);
    QVERIFY(runUntil([&] { return fired == 2; }));
}

void TestEpollDispatcher::reusedDescriptorIsWatched() {
    // The first pair's descriptor closes with its notifier. The next socket pair takes the same
    // number, and its notifier must be watched, not mistaken for the old registration.
    int firstNumber = -1;
    {
        auto pair = std::make_unique<SocketPair>();
        QVERIFY(pair->ok());
        firstNumber = pair->ends[0];
        auto notifier = std::make_unique<QSocketNotifier>(pair->ends[0], QSocketNotifier::Read);
        pair->send('x');
        int fired = 0;
        connect(notifier.get(), &QSocketNotifier::activated, this, [&] {
            ++fired;
            pair->drain();
        });
        QVERIFY(runUntil([&] { return fired == 1; }));
        notifier.reset();
        pair.reset();
    }

    SocketPair second;
    QVERIFY(second.ok());
    QCOMPARE(second.ends[0], firstNumber);
    QSocketNotifier notifier(second.ends[0], QSocketNotifier::Read);
    int fired = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++fired;
        second.drain();
    });
    second.send('y');
    QVERIFY(runUntil([&] { return fired == 1; }));
}

void TestEpollDispatcher::notifierDeletedMidBatch() {
    SocketPair first;
    SocketPair second;
    QVERIFY(first.ok() && second.ok());
    auto a = std::make_unique<QSocketNotifier>(first.ends[0], QSocketNotifier::Read);
    auto b = std::make_unique<QSocketNotifier>(second.ends[0], QSocketNotifier::Read);
    int fired = 0;
    // Whichever fires first deletes the other, whose event may already be in the same batch.
    connect(a.get(), &QSocketNotifier::activated, this, [&] {
        ++fired;
        b.reset();
        first.drain();
    });
    connect(b.get(), &QSocketNotifier::activated, this, [&] {
        ++fired;
        a.reset();
        second.drain();
    });
    first.send('1');
    second.send('2');
    QVERIFY(runUntil([&] { return fired >= 1; }));
    QTest::qWait(50);
    QCOMPARE(fired, 1);
}

void TestEpollDispatcher::regularFileIsAlwaysReady() {
    QTemporaryFile file;
    QVERIFY(file.open());
    QSocketNotifier notifier(file.handle(), QSocketNotifier::Read);
    int fired = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        if (++fired == 3)
            notifier.setEnabled(false);
    });
    QVERIFY(runUntil([&] { return fired == 3; }));
    QTest::qWait(20);
    QCOMPARE(fired, 3);
}

void TestEpollDispatcher::timersFireInOrder() {
    QList<int> order;
    QTimer::singleShot(60, this, [&] { order << 60; });
    QTimer::singleShot(20, this, [&] { order << 20; });
    QTimer::singleShot(0, this, [&] { order << 0; });
    QTimer::singleShot(40, Qt::PreciseTimer, this, [&] { order << 40; });
    QVERIFY(runUntil([&] { return order.size() == 4; }));
    QCOMPARE(order, (QList<int>{0, 20, 40, 60}));
}

void TestEpollDispatcher::repeatingTimerStops() {
    QTimer timer;
    timer.setInterval(5);
    int ticks = 0;
    connect(&timer, &QTimer::timeout, this, [&] {
        if (++ticks == 5)
            timer.stop();
    });
    timer.start();
    QVERIFY(runUntil([&] { return ticks == 5; }));
    QTest::qWait(40);
    QCOMPARE(ticks, 5);
    QVERIFY(!timer.isActive());
}

void TestEpollDispatcher::stoppedDueTimerDoesNotFire() {
    // Both are due in the same pass; the first stops the second before its turn.
    QTimer first;
    QTimer second;
    first.setSingleShot(true);
    second.setSingleShot(true);
    bool secondFired = false;
    bool firstFired = false;
    connect(&first, &QTimer::timeout, this, [&] {
        firstFired = true;
        second.stop();
    });
    connect(&second, &QTimer::timeout, this, [&] { secondFired = true; });
    first.start(10);
    second.start(10);
    QThread::msleep(20); // both overdue before the loop looks
    QVERIFY(runUntil([&] { return firstFired; }));
    QTest::qWait(30);
    QVERIFY(!secondFired);
}

void TestEpollDispatcher::reusedTimerIdWaitsItsTurn() {
    // Both timers are due in the same pass. The first one's handler stops the second and starts
    // a 10 s timer, which Qt may give the second one's id. That new timer must not fire now.
    TimerProbe probe;
    const int first = probe.startTimer(10);
    const int second = probe.startTimer(10);
    int longTimer = -1;
    QList<int> fired;
    probe.onTimer = [&](int id) {
        fired << id;
        probe.killTimer(id);
        if (id == first) {
            probe.killTimer(second);
            longTimer = probe.startTimer(10'000);
        }
    };
    QThread::msleep(20); // both overdue before the loop looks
    QVERIFY(runUntil([&] { return !fired.isEmpty(); }));
    QTest::qWait(50);
    QCOMPARE(fired, QList<int>{first});
    QVERIFY(longTimer > 0);
    probe.killTimer(longTimer);
}

void TestEpollDispatcher::manyTimersFireInOrder() {
    // Many pending timers, as a busy server has, started out of order. Each must fire no earlier
    // than its deadline, and in the order of the deadlines. The dispatcher reads its clock inside
    // start(), so a deadline is known only between the readings before and after that call: on
    // a loaded machine the thread can be preempted in between for more than a millisecond. The
    // slack of 1 ms covers the clocks' own difference.
    constexpr int Count = 3000;
    constexpr qint64 Slack = 1'000'000;
    QElapsedTimer clock;
    clock.start();
    struct Fired {
        qint64 earliestDeadline;
        qint64 latestDeadline;
        qint64 at;
    };
    std::vector<Fired> fired;
    std::vector<std::unique_ptr<QTimer>> timers;
    for (int i = 0; i < Count; ++i) {
        const int interval = (i * 7919) % 200; // 0 to 199 ms, out of order
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        auto bounds = std::make_shared<std::pair<qint64, qint64>>();
        connect(timer.get(), &QTimer::timeout, this, [&fired, &clock, bounds] {
            fired.push_back({bounds->first, bounds->second, clock.nsecsElapsed()});
        });
        const qint64 before = clock.nsecsElapsed();
        timer->start(interval);
        *bounds = {before + qint64(interval) * 1'000'000,
                   clock.nsecsElapsed() + qint64(interval) * 1'000'000};
        timers.push_back(std::move(timer));
    }
    QVERIFY(runUntil([&] { return fired.size() == size_t(Count); }));
    for (size_t i = 0; i < fired.size(); ++i) {
        QVERIFY2(fired[i].at >= fired[i].earliestDeadline, qPrintable(QString::number(i)));
        if (i > 0)
            QVERIFY2(fired[i].latestDeadline + Slack >= fired[i - 1].earliestDeadline,
                     qPrintable(QString::number(i)));
    }
}

void TestEpollDispatcher::remainingTimeCountsDown() {
    QTimer timer;
    timer.setSingleShot(true);
    timer.start(10'000);
    const int left = timer.remainingTime();
    QVERIFY2(left > 9'000 && left <= 10'000, qPrintable(QString::number(left)));
    QThread::msleep(30);
    QVERIFY(timer.remainingTime() < left);
    timer.stop();
    QCOMPARE(timer.remainingTime(), -1);
}

void TestEpollDispatcher::crossThreadPostWakesWait() {
    // No timer is due for 10 s, so only the cross-thread wake-up can end the wait early.
    QEventLoop loop;
    QTimer::singleShot(10'000, &loop, [&] { loop.exit(1); });
    std::thread poster([&] {
        QThread::msleep(50);
        QMetaObject::invokeMethod(
            &loop, [&] { loop.exit(0); }, Qt::QueuedConnection);
    });
    const int code = loop.exec();
    poster.join();
    QCOMPARE(code, 0);
}

void TestEpollDispatcher::crossThreadQuitEndsLoop() {
    QEventLoop loop;
    QTimer::singleShot(10'000, &loop, [&] { loop.exit(1); });
    std::thread quitter([&] {
        QThread::msleep(50);
        loop.quit(); // thread-safe: interrupts the dispatcher from here
    });
    const int code = loop.exec();
    quitter.join();
    QCOMPARE(code, 0);
}

void TestEpollDispatcher::deferredDeleteRuns() {
    QPointer<QObject> object = new QObject;
    object->deleteLater();
    QVERIFY(runUntil([&] { return object.isNull(); }));
}

void TestEpollDispatcher::tcpEchoOverLoopback() {
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *peer = server.nextPendingConnection();
        connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    // Large enough that Qt buffers the write and needs the write notifier to finish it.
    const QByteArray payload(4 * 1024 * 1024, 'z');
    client.write(payload);
    QByteArray echoed;
    connect(&client, &QTcpSocket::readyRead, this, [&] { echoed += client.readAll(); });
    QVERIFY(runUntil([&] { return echoed.size() == payload.size(); }, 20'000));
    QCOMPARE(echoed, payload);
}

void TestEpollDispatcher::workerThreadRunsOnIt() {
    QThread thread;
    thread.setEventDispatcher(new EpollEventDispatcher);
    thread.start();
    auto *worker = new QObject;
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);

    std::atomic<int> ticks = 0;
    QMetaObject::invokeMethod(worker, [&, worker] {
        auto *timer = new QTimer(worker);
        connect(timer, &QTimer::timeout, worker, [&] { ++ticks; });
        timer->start(2);
    });
    QTRY_VERIFY_WITH_TIMEOUT(ticks.load() >= 5, 5000);
    thread.quit();
    QVERIFY(thread.wait(5000));
}

int main(int argc, char *argv[]) {
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"
