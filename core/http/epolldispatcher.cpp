// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <set>
#include <unordered_map>
#include <vector>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace signalbox {

namespace {

constexpr int kNotifierTypes = 3; // QSocketNotifier::Read, Write, Exception, in that order.
constexpr uint32_t kTypeEvents[kNotifierTypes] = {EPOLLIN, EPOLLOUT, EPOLLPRI};

// The kernel reports errors and hang-ups for every descriptor. Like Qt's own dispatchers, they
// wake every notifier of the descriptor, whose read or write then fails and closes the socket.
constexpr uint32_t kAlwaysReported = EPOLLERR | EPOLLHUP;

qint64 nowNanoseconds() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 millisecondsToNanoseconds(qint64 milliseconds) {
    return milliseconds * 1'000'000;
}

} // namespace

struct EpollEventDispatcher::State {
    struct Watch {
        QSocketNotifier *notifiers[kNotifierTypes] = {};
        uint32_t inKernel = 0; // the events the kernel watches for this descriptor
        bool registered = false;
        bool alwaysReady = false; // a regular file, which epoll refuses and poll calls ready
        bool dirty = false;

        uint32_t requestedEvents() const {
            uint32_t events = 0;
            for (int type = 0; type < kNotifierTypes; ++type) {
                if (notifiers[type])
                    events |= kTypeEvents[type];
            }
            return events;
        }

        bool empty() const { return requestedEvents() == 0; }
    };

    struct Timer {
        int id;
        qint64 interval; // milliseconds
        Qt::TimerType type;
        QObject *object;
        qint64 deadline; // steady clock, nanoseconds
        bool firing = false;
    };

    int epollFd = -1;
    int wakeFd = -1;
    std::unordered_map<int, Watch> watches;
    std::vector<int> dirty;
    int alwaysReadyCount = 0;
    // Timers by id, and their deadlines in order. A server under load has thousands of them,
    // because every closing connection lingers on one, so no lookup may scan them all.
    std::unordered_map<int, Timer> timers;
    std::set<std::pair<qint64, int>> deadlines;
    std::array<epoll_event, 128> events{};

    Timer *findTimer(int id) {
        const auto it = timers.find(id);
        return it == timers.end() ? nullptr : &it->second;
    }

    void reschedule(Timer &timer, qint64 deadline) {
        deadlines.erase({timer.deadline, timer.id});
        timer.deadline = deadline;
        deadlines.insert({deadline, timer.id});
    }

    bool removeTimer(int id) {
        const auto it = timers.find(id);
        if (it == timers.end())
            return false;
        deadlines.erase({it->second.deadline, id});
        timers.erase(it);
        return true;
    }

    void markDirty(int fd, Watch &watch) {
        if (!watch.dirty) {
            watch.dirty = true;
            dirty.push_back(fd);
        }
    }

    // The descriptor may be closed right after its last notifier goes, and its number reused
    // by the next socket, so the kernel must forget it now rather than before the next wait.
    void forget(int fd) {
        const auto it = watches.find(fd);
        if (it == watches.end())
            return;
        if (it->second.registered)
            epoll_ctl(epollFd, EPOLL_CTL_DEL, fd, nullptr); // fails harmlessly if already closed
        if (it->second.alwaysReady)
            --alwaysReadyCount;
        watches.erase(it);
    }

    void apply(int fd, Watch &watch) {
        watch.dirty = false;
        const uint32_t requested = watch.requestedEvents();
        if (watch.alwaysReady || requested == watch.inKernel)
            return;

        epoll_event event{};
        event.events = requested;
        event.data.fd = fd;
        int op = watch.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
        int result = epoll_ctl(epollFd, op, fd, &event);
        if (result != 0 && errno == ENOENT && op == EPOLL_CTL_MOD) {
            op = EPOLL_CTL_ADD;
            result = epoll_ctl(epollFd, op, fd, &event);
        } else if (result != 0 && errno == EEXIST && op == EPOLL_CTL_ADD) {
            op = EPOLL_CTL_MOD;
            result = epoll_ctl(epollFd, op, fd, &event);
        }

        if (result == 0) {
            watch.registered = true;
            watch.inKernel = requested;
        } else if (errno == EPERM) {
            watch.alwaysReady = true;
            ++alwaysReadyCount;
        } else {
            qWarning("Router event loop: cannot watch descriptor %d: %s", fd, strerror(errno));
        }
    }

    void applyChanges() {
        for (const int fd : dirty) {
            const auto it = watches.find(fd);
            if (it != watches.end())
                apply(fd, it->second);
        }
        dirty.clear();
    }
};

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_state(std::make_unique<State>()) {
    m_state->epollFd = epoll_create1(EPOLL_CLOEXEC);
    m_state->wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_state->epollFd < 0 || m_state->wakeFd < 0)
        return;

    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_state->wakeFd;
    epoll_ctl(m_state->epollFd, EPOLL_CTL_ADD, m_state->wakeFd, &event);
}

EpollEventDispatcher::~EpollEventDispatcher() {
    if (m_state->wakeFd >= 0)
        close(m_state->wakeFd);
    if (m_state->epollFd >= 0)
        close(m_state->epollFd);
}

bool EpollEventDispatcher::isValid() const {
    return m_state->epollFd >= 0 && m_state->wakeFd >= 0;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags) {
    m_interrupted.storeRelaxed(0);
    emit awake();

    // Cleared before the posted events go out, so one posted while they do keeps the wait
    // below from blocking.
    m_wakeUpPending.storeRelease(0);
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.loadRelaxed())
        return false;

    const bool mayBlock =
        flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_wakeUpPending.loadAcquire();
    if (mayBlock)
        emit aboutToBlock();

    m_state->applyChanges();
    int ready = epoll_wait(m_state->epollFd, m_state->events.data(), int(m_state->events.size()),
                           waitMilliseconds(mayBlock));
    if (ready < 0)
        ready = 0; // EINTR: a signal arrived; the caller's loop comes straight back

    int activated = 0;
    if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers))
        activated += activateReadyDescriptors(ready);
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        activated += activateTimers();
    return activated > 0;
}

int EpollEventDispatcher::waitMilliseconds(bool mayBlock) const {
    if (!mayBlock || m_state->alwaysReadyCount > 0)
        return 0;
    if (m_state->deadlines.empty())
        return -1;

    const qint64 wait = m_state->deadlines.begin()->first - nowNanoseconds();
    if (wait <= 0)
        return 0;
    // Rounded up, so a wake-up never comes before the timer is due and spins until it is.
    return int(std::min<qint64>((wait + 999'999) / 1'000'000, INT32_MAX));
}

int EpollEventDispatcher::activateReadyDescriptors(int ready) {
    int activated = 0;
    for (int i = 0; i < ready; ++i) {
        const int fd = m_state->events[i].data.fd;
        const uint32_t events = m_state->events[i].events;
        if (fd == m_state->wakeFd) {
            uint64_t count = 0;
            [[maybe_unused]] const ssize_t n = read(fd, &count, sizeof count);
            continue;
        }

        for (int type = 0; type < kNotifierTypes; ++type) {
            if (!(events & (kTypeEvents[type] | kAlwaysReported)))
                continue;
            // Looked up again for each one: a notifier's handler may remove any notifier.
            const auto it = m_state->watches.find(fd);
            if (it == m_state->watches.end())
                break;
            QSocketNotifier *notifier = it->second.notifiers[type];
            if (!notifier)
                continue;
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            ++activated;
        }
    }

    if (m_state->alwaysReadyCount > 0) {
        std::vector<QSocketNotifier *> always;
        for (const auto &[fd, watch] : m_state->watches) {
            if (watch.alwaysReady && watch.notifiers[QSocketNotifier::Read])
                always.push_back(watch.notifiers[QSocketNotifier::Read]);
            if (watch.alwaysReady && watch.notifiers[QSocketNotifier::Write])
                always.push_back(watch.notifiers[QSocketNotifier::Write]);
        }
        for (QSocketNotifier *notifier : always) {
            QEvent event(QEvent::SockAct);
            QCoreApplication::sendEvent(notifier, &event);
            ++activated;
        }
    }
    return activated;
}

int EpollEventDispatcher::activateTimers() {
    const qint64 now = nowNanoseconds();
    if (m_state->deadlines.empty() || m_state->deadlines.begin()->first > now)
        return 0;

    std::vector<std::pair<qint64, int>> due;
    for (auto it = m_state->deadlines.begin(); it != m_state->deadlines.end() && it->first <= now;
         ++it)
        due.push_back(*it);

    int activated = 0;
    for (const auto &[deadline, id] : due) {
        // Skipped when an earlier handler stopped this timer, or stopped it and a new timer got
        // its id (Qt reuses ids), or when a nested event loop is already in its handler.
        State::Timer *timer = m_state->findTimer(id);
        if (!timer || timer->deadline != deadline || timer->firing)
            continue;

        // The next deadline is set first, so a nested event loop in the handler does not fire
        // this timer again. A late timer skips the periods it missed instead of firing for each.
        const qint64 interval = millisecondsToNanoseconds(timer->interval);
        const qint64 next = deadline + interval < now ? now + interval : deadline + interval;
        m_state->reschedule(*timer, next);
        timer->firing = true;
        QObject *object = timer->object;

        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++activated;

        if (State::Timer *still = m_state->findTimer(id))
            still->firing = false;
    }
    return activated;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier) {
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    State::Watch &watch = m_state->watches[fd];
    watch.notifiers[type] = notifier;
    m_state->markDirty(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier) {
    const int fd = int(notifier->socket());
    const auto it = m_state->watches.find(fd);
    if (it == m_state->watches.end())
        return;

    State::Watch &watch = it->second;
    const int type = int(notifier->type());
    if (watch.notifiers[type] != notifier)
        return;
    watch.notifiers[type] = nullptr;
    if (watch.empty())
        m_state->forget(fd);
    else
        m_state->markDirty(fd, watch);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object) {
    const qint64 deadline = nowNanoseconds() + millisecondsToNanoseconds(interval);
    m_state->timers.insert_or_assign(timerId,
                                     State::Timer{timerId, interval, timerType, object, deadline});
    m_state->deadlines.insert({deadline, timerId});
}

bool EpollEventDispatcher::unregisterTimer(int timerId) {
    return m_state->removeTimer(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object) {
    std::vector<int> ids;
    for (const auto &[id, timer] : m_state->timers) {
        if (timer.object == object)
            ids.push_back(id);
    }
    for (const int id : ids)
        m_state->removeTimer(id);
    return !ids.empty();
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const {
    QList<TimerInfo> list;
    for (const auto &[id, timer] : m_state->timers) {
        if (timer.object == object)
            list.append(TimerInfo(timer.id, int(timer.interval), timer.type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId) {
    const State::Timer *timer = m_state->findTimer(timerId);
    if (!timer)
        return -1;
    const qint64 left = timer->deadline - nowNanoseconds();
    return left <= 0 ? 0 : int((left + 999'999) / 1'000'000);
}

void EpollEventDispatcher::wakeUp() {
    // On the dispatcher's own thread the flag is enough: that thread is running, not waiting,
    // and looks at the flag before it waits. Only another thread needs the eventfd.
    if (!m_wakeUpPending.testAndSetRelease(0, 1))
        return;
    if (QThread::currentThread() == thread())
        return;
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = write(m_state->wakeFd, &one, sizeof one);
}

void EpollEventDispatcher::interrupt() {
    m_interrupted.storeRelaxed(1);
    // Another thread's interrupt must reach a blocked wait even when a wake-up is pending.
    if (QThread::currentThread() != thread()) {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = write(m_state->wakeFd, &one, sizeof one);
    }
    m_wakeUpPending.storeRelease(1);
}

} // namespace signalbox
