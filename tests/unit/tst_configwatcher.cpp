// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configwatcher.h"

#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace signalbox;

class TestConfigWatcher : public QObject {
    Q_OBJECT

private slots:
    void init();
    void validWriteEmitsLoaded();
    void invalidWriteEmitsRejected();
    void replaceByRenameStillWatched();
    void unchangedContentEmitsNothing();
    void removedFileEmitsRejected();
    void failedOpenIsRetried();
    void editsDoNotDelayRetry();
    void namedPipeNotOpened();
    void missingFileResetsRetryWait();

private:
    QString configPath() const { return m_dir->filePath(QStringLiteral("config.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

bool writeFile(const QString &path, const QByteArray &content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// Writes a sibling file and renames it over path, the way many editors save.
bool replaceByRename(const QString &path, const QByteArray &content) {
    const QString temporary = path + QStringLiteral(".new");
    if (!writeFile(temporary, content))
        return false;

    // QFile::rename does not overwrite an existing file, but rename(2) replaces it atomically.
    return std::rename(QFile::encodeName(temporary).constData(),
                       QFile::encodeName(path).constData()) == 0;
}

// The demo config with a different daily budget, so its bytes differ but it stays valid.
QByteArray demoWithBudget(int budget) {
    QByteArray json = demoConfigJson();
    const QByteArray replacement = "\"daily_budget_usd\": " + QByteArray::number(budget) + ".0";
    json.replace("\"daily_budget_usd\": 10.0", replacement);
    return json;
}

#ifdef Q_OS_UNIX
// Lowers the soft open file limit to the lowest free descriptor, so that the next open fails with
// EMFILE, and puts the limit back in restore() or at destruction.
class DescriptorShortage {
public:
    ~DescriptorShortage() { restore(); }

    bool lower() {
        if (getrlimit(RLIMIT_NOFILE, &m_saved) != 0)
            return false;
        const int lowestFree = ::dup(0);
        if (lowestFree < 0)
            return false;
        ::close(lowestFree);
        rlimit lowered = m_saved;
        lowered.rlim_cur = rlim_t(lowestFree);
        m_lowered = setrlimit(RLIMIT_NOFILE, &lowered) == 0;
        return m_lowered;
    }

    bool restore() {
        if (!m_lowered)
            return true;
        m_lowered = false;
        return setrlimit(RLIMIT_NOFILE, &m_saved) == 0;
    }

private:
    rlimit m_saved{};
    bool m_lowered = false;
};
#endif

} // namespace

void TestConfigWatcher::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(configPath(), demoConfigJson()));
    QVERIFY(demoWithBudget(20) != demoConfigJson());
}

void TestConfigWatcher::validWriteEmitsLoaded() {
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);

    QVERIFY(writeFile(configPath(), demoWithBudget(20)));

    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    const auto config = loaded.first().first().value<ConfigPtr>();
    QVERIFY(config);
    QCOMPARE(config->gates.dailyBudgetUsd, 20.0);
    QCOMPARE(rejected.count(), 0);
}

void TestConfigWatcher::invalidWriteEmitsRejected() {
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);

    QByteArray invalid = demoConfigJson();
    invalid.replace("\"version\": 1", "\"version\": 7");
    QVERIFY(writeFile(configPath(), invalid));

    QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 5000);
    const auto problems = rejected.first().first().value<QList<ConfigProblem>>();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, QStringLiteral("version"));
    QCOMPARE(loaded.count(), 0);
}

void TestConfigWatcher::replaceByRenameStillWatched() {
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);

    QVERIFY(replaceByRename(configPath(), demoWithBudget(20)));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);

    // The rename dropped the watch on the old file, so the watcher must have added the new one.
    QVERIFY(replaceByRename(configPath(), demoWithBudget(30)));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 5000);
    QCOMPARE(loaded.last().first().value<ConfigPtr>()->gates.dailyBudgetUsd, 30.0);

    // And so must a plain write to the new file.
    QVERIFY(writeFile(configPath(), demoWithBudget(40)));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 5000);
    QCOMPARE(loaded.last().first().value<ConfigPtr>()->gates.dailyBudgetUsd, 40.0);
}

void TestConfigWatcher::unchangedContentEmitsNothing() {
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);

    QVERIFY(writeFile(configPath(), demoConfigJson()));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("other.txt")), "unrelated"));

    // Nothing is expected, so wait well past the debounce interval and check that nothing came.
    QTest::qWait(500);
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(rejected.count(), 0);
}

void TestConfigWatcher::removedFileEmitsRejected() {
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);

    QVERIFY(QFile::remove(configPath()));
    QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 5000);

    // Restoring the same bytes ends the rejected state, so it is reported.
    QVERIFY(writeFile(configPath(), demoConfigJson()));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    QCOMPARE(rejected.count(), 1);
}

void TestConfigWatcher::failedOpenIsRetried() {
#ifdef Q_OS_UNIX
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);

    // The edit lands while the process has no descriptor free: its open fails with EMFILE.
    DescriptorShortage shortage;
    QVERIFY(writeFile(configPath(), demoWithBudget(20)));
    QVERIFY(shortage.lower());
    const bool failed = QTest::qWaitFor([&] { return rejected.count() == 1; }, 5000);
    QVERIFY(shortage.restore());
    QVERIFY(failed);
    const auto problems = rejected.first().first().value<QList<ConfigProblem>>();
    QVERIFY2(problems.first().message.contains(QStringLiteral("open files")),
             qPrintable(problems.first().message));

    // Descriptors are free again, and nothing touches the file: the retry reads the edit.
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    QCOMPARE(loaded.first().first().value<ConfigPtr>()->gates.dailyBudgetUsd, 20.0);
    QCOMPARE(rejected.count(), 1);
#else
    QSKIP("needs setrlimit");
#endif
}

void TestConfigWatcher::editsDoNotDelayRetry() {
#ifdef Q_OS_UNIX
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);

    // The file stays open for writing, so that the edits need no new descriptor. The writes use
    // the plain descriptor: UndefinedBehaviorSanitizer's first check of a Qt object's type opens
    // a pipe, which fails while no descriptor is free.
    const int writer = ::open(QFile::encodeName(configPath()).constData(), O_RDWR);
    QVERIFY(writer >= 0);
    const auto closeWriter = qScopeGuard([writer] { ::close(writer); });
    DescriptorShortage shortage;

    // Five edits while no descriptor is free: each one fails to be read.
    QVERIFY(shortage.lower());
    bool written = true;
    for (int budget = 21; budget <= 25; ++budget) {
        const QByteArray content = demoWithBudget(budget);
        written = written &&
                  ::pwrite(writer, content.constData(), content.size(), 0) == content.size() &&
                  ::ftruncate(writer, content.size()) == 0;
        QTest::qWait(250);
    }
    QVERIFY(shortage.restore());
    QVERIFY(written);
    QCOMPARE(rejected.count(), 1);

    // The retry keeps its pace of 1 s, then 2 s: the edits did not push it back.
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    QCOMPARE(loaded.first().first().value<ConfigPtr>()->gates.dailyBudgetUsd, 25.0);
#else
    QSKIP("needs setrlimit");
#endif
}

void TestConfigWatcher::missingFileResetsRetryWait() {
#ifdef Q_OS_UNIX
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);

    // The next file is written now: a rename needs no descriptor, an open does.
    const QString next = configPath() + QStringLiteral(".next");
    QVERIFY(writeFile(next, demoWithBudget(30)));
    const int writer = ::open(QFile::encodeName(configPath()).constData(), O_RDWR);
    QVERIFY(writer >= 0);
    const auto closeWriter = qScopeGuard([writer] { ::close(writer); });
    DescriptorShortage shortage;

    // An edit that cannot be read, and three retries that fail (after 1, 2 and 4 s): the next
    // retry would wait 8 s.
    QVERIFY(shortage.lower());
    const QByteArray edit = demoWithBudget(20);
    const bool edited = ::pwrite(writer, edit.constData(), edit.size(), 0) == edit.size();
    QTest::qWait(7500);

    // The file goes away, and the next one arrives while descriptors are still short.
    const bool replaced = ::unlink(QFile::encodeName(configPath()).constData()) == 0;
    QTest::qWait(300);
    const bool renamed = std::rename(QFile::encodeName(next).constData(),
                                     QFile::encodeName(configPath()).constData()) == 0;
    QTest::qWait(300);
    QVERIFY(shortage.restore());
    QVERIFY(edited);
    QVERIFY(replaced);
    QVERIFY(renamed);

    // The wait started again at 1 s when the file went missing.
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 4000);
    QCOMPARE(loaded.first().first().value<ConfigPtr>()->gates.dailyBudgetUsd, 30.0);
#else
    QSKIP("needs setrlimit");
#endif
}

void TestConfigWatcher::namedPipeNotOpened() {
#ifdef Q_OS_UNIX
    ConfigWatcher watcher(configPath());
    QSignalSpy loaded(&watcher, &ConfigWatcher::configLoaded);
    QSignalSpy rejected(&watcher, &ConfigWatcher::configRejected);

    // Opening a pipe with no writer would block this thread, and so the QTRY below.
    QVERIFY(QFile::remove(configPath()));
    QCOMPARE(::mkfifo(QFile::encodeName(configPath()).constData(), 0600), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!rejected.isEmpty(), 5000);
    const auto problems = rejected.last().first().value<QList<ConfigProblem>>();
    QVERIFY2(problems.first().message.contains(QStringLiteral("not a regular file")),
             qPrintable(problems.first().message));

    QVERIFY(QFile::remove(configPath()));
    QVERIFY(writeFile(configPath(), demoWithBudget(20)));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
#else
    QSKIP("needs mkfifo");
#endif
}

QTEST_GUILESS_MAIN(TestConfigWatcher)
#include "tst_configwatcher.moc"
