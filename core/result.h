// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace signalbox {

// An error carried as a value: a message for people that names the value at fault and the fix.
struct Error {
    QString message;
};

// A value or an Error. Recoverable failures travel as Result, never as exceptions.
template <typename T> class Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const QString &error() const { return std::get<Error>(m_data).message; }

private:
    std::variant<T, Error> m_data;
};

// Result of an operation that returns nothing on success.
struct Ok {};
using Status = Result<Ok>;

} // namespace signalbox
