// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/duplicatekeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QSet>

namespace signalbox {

namespace {

// One open object or array, and the path that leads to it.
struct Container {
    bool object = false;
    QString path;
    QSet<QString> keys;
    int nextIndex = 0;  // arrays: the index of the next element
    QString pendingKey; // objects: the key whose value comes next
};

// Returns the end of the string that starts at `start` (its opening quote), past the closing one.
qsizetype stringEnd(QByteArrayView json, qsizetype start) {
    qsizetype i = start + 1;
    while (i < json.size() && json[i] != '"')
        i += json[i] == '\\' ? 2 : 1;
    return i + 1;
}

// Decodes a JSON string token. Only a token with an escape goes through the JSON parser.
QString decodedString(QByteArrayView token) {
    const QByteArrayView inner = token.sliced(1, token.size() - 2);
    if (!inner.contains('\\'))
        return QString::fromUtf8(inner);
    const QByteArray array = '[' + token.toByteArray() + ']';
    return QJsonDocument::fromJson(array).array().at(0).toString();
}

QString childPath(const Container &parent, const QString &key) {
    if (parent.object)
        return parent.path.isEmpty() ? key : parent.path + QLatin1Char('.') + key;
    return parent.path + QStringLiteral("[%1]").arg(parent.nextIndex);
}

// Moves an array past the element that just ended.
void elementDone(QList<Container> &open) {
    if (!open.isEmpty() && !open.last().object)
        ++open.last().nextIndex;
}

} // namespace

std::optional<DuplicateKey> findDuplicateKey(QByteArrayView json) {
    QList<Container> open;
    bool expectKey = false; // inside an object, where the next string is a key
    const qsizetype start = json.startsWith("\xEF\xBB\xBF") ? 3 : 0; // a UTF-8 byte order mark
    for (qsizetype i = start; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            const QString path =
                open.isEmpty() ? QString() : childPath(open.last(), open.last().pendingKey);
            open.append({c == '{', path, {}, 0, {}});
            expectKey = c == '{';
        } else if (c == '}' || c == ']') {
            open.removeLast();
            elementDone(open);
            expectKey = false;
        } else if (c == ',') {
            expectKey = !open.isEmpty() && open.last().object;
        } else if (c == '"') {
            const qsizetype end = stringEnd(json, i);
            if (expectKey && !open.isEmpty()) {
                Container &object = open.last();
                const QString key = decodedString(json.sliced(i, end - i));
                if (object.keys.contains(key))
                    return DuplicateKey{childPath(object, key), key};
                object.keys.insert(key);
                object.pendingKey = key;
                expectKey = false;
            } else {
                elementDone(open);
            }
            i = end - 1;
        } else if (c != ':' && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            // A number or a literal: skip to its end.
            while (i + 1 < json.size() && !QByteArrayView(",]} \t\n\r").contains(json[i + 1]))
                ++i;
            elementDone(open);
        }
    }
    return std::nullopt;
}

} // namespace signalbox
