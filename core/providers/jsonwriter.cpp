// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace signalbox {

QByteArray compactJson(const QJsonValue &value) {
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // QJsonDocument holds only objects and arrays, so a scalar is written inside an array.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.sliced(1, wrapped.size() - 2);
}

QByteArray jsonArray(const QList<QByteArray> &items) {
    QByteArray json = "[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            json += ',';
        json += items.at(i);
    }
    return json + ']';
}

OrderedJson &OrderedJson::add(QByteArrayView key, const QJsonValue &value) {
    return addRaw(key, compactJson(value));
}

OrderedJson &OrderedJson::add(QByteArrayView key, const OrderedJson &object) {
    return addRaw(key, object.toJson());
}

OrderedJson &OrderedJson::addRaw(QByteArrayView key, const QByteArray &json) {
    if (!m_body.isEmpty())
        m_body += ',';
    m_body += compactJson(QString::fromLatin1(key)) + ':' + json;
    return *this;
}

OrderedJson &OrderedJson::addNull(QByteArrayView key) {
    return addRaw(key, QByteArrayLiteral("null"));
}

QByteArray OrderedJson::toJson() const {
    return '{' + m_body + '}';
}

} // namespace signalbox
