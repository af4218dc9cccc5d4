// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Parses arbitrary bytes as a config file. A config that parses must also survive a save: its
// serialized form must parse again, or the console could write a file it cannot read back.
#include "config/configloader.h"

#include <QByteArray>

#include <cstdlib>

using namespace signalbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConfigLoad load = parseConfig(json);
    if (load.ok() != load.problems.isEmpty())
        std::abort();
    if (!load.ok())
        return 0;

    if (!validateConfig(*load.config).isEmpty())
        std::abort();
    const ConfigLoad reloaded = parseConfig(serializeConfig(*load.config));
    if (!reloaded.ok())
        std::abort();
    return 0;
}
