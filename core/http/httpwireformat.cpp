// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httpwireformat.h"

namespace signalbox {

namespace {

bool nameIs(const QByteArray &name, QByteArrayView expected) {
    return QByteArrayView(name).compare(expected, Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArrayView reasonPhrase(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

bool statusForbidsBody(int status) {
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

QByteArray formatResponseHead(int status, const HttpHeaders &headers,
                              QByteArrayView serverHeaders) {
    QByteArray head;
    head.reserve(128 + serverHeaders.size() + headers.size() * 48);
    head.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(reasonPhrase(status))
        .append("\r\n");

    for (const auto &[name, value] : headers) {
        const bool framingHeader = nameIs(name, "Content-Length") ||
                                   nameIs(name, "Transfer-Encoding") || nameIs(name, "Connection");
        if (framingHeader)
            continue;
        head.append(name).append(": ").append(value).append("\r\n");
    }
    head.append(serverHeaders).append("\r\n");
    return head;
}

QByteArray formatChunk(QByteArrayView data) {
    QByteArray chunk;
    chunk.reserve(data.size() + 12);
    chunk.append(QByteArray::number(data.size(), 16)).append("\r\n").append(data).append("\r\n");
    return chunk;
}

} // namespace signalbox
