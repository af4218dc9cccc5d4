// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace signalbox {

class HttpExchange;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// An error as the endpoint reports it: the HTTP status and the OpenAI error fields.
struct ApiError {
    int httpStatus = 500;
    QString type;
    QString code;
    QString message;
    QString param;

    static ApiError badRequest(const QString &message, const QString &param = {});
};

// The OpenAI error envelope: {"error":{"message","type","param","code"}}.
QByteArray openAiErrorBody(const ApiError &error);

// Sends the error as a JSON response with the given extra headers.
void replyWithError(HttpExchange *exchange, const ApiError &error, HeaderList headers = {});

// Sends a JSON response.
void replyWithJson(HttpExchange *exchange, int status, const QByteArray &json,
                   HeaderList headers = {});

} // namespace signalbox
