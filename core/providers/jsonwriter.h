// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QList>

namespace signalbox {

// Returns the compact JSON text of any JSON value, scalars included.
QByteArray compactJson(const QJsonValue &value);

// Returns a JSON array of items that are already JSON text.
QByteArray jsonArray(const QList<QByteArray> &items);

// Builds a compact JSON object whose keys keep the order they were added in, the order the
// providers' servers write them. QJsonObject would sort them.
class OrderedJson {
public:
    OrderedJson &add(QByteArrayView key, const QJsonValue &value);
    OrderedJson &add(QByteArrayView key, const OrderedJson &object);
    OrderedJson &addRaw(QByteArrayView key, const QByteArray &json); // json is JSON text
    OrderedJson &addNull(QByteArrayView key);

    bool isEmpty() const { return m_body.isEmpty(); }
    QByteArray toJson() const;

private:
    QByteArray m_body;
};

} // namespace signalbox
