// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "http/httprequest.h"

namespace signalbox {

QByteArray HttpRequest::header(QByteArrayView name) const {
    for (const auto &[headerName, value] : headers) {
        if (QByteArrayView(headerName).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace signalbox
