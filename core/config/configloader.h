// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QTextStream;

namespace signalbox {

// One reason a config is invalid, at a JSON field path such as "models[3].price_per_mtok.output".
// The path is empty for problems with the file as a whole.
struct ConfigProblem {
    QString path;
    QString message;

    // Returns "PATH: MESSAGE", or the message alone when the path is empty.
    QString toString() const;

    bool operator==(const ConfigProblem &other) const = default;
};

// The outcome of reading a config: a snapshot, or every problem found in it.
struct ConfigLoad {
    ConfigPtr config; // null when there are problems
    QList<ConfigProblem> problems;

    bool ok() const { return config != nullptr; }
};

// Parses and validates a schema version 1 config. Collects every problem, not just the first.
ConfigLoad parseConfig(const QByteArray &json);

// Reads and parses the file. A missing or unreadable file is one problem that names the path.
ConfigLoad loadConfigFile(const QString &path);

// Returns whether the path is a pipe, as a named pipe or --config <(command) gives. A pipe is
// read once: it has no content to read again when its folder changes.
bool isConfigPipe(const QString &path);

// Checks a config snapshot, for example a copy edited in the console, before it is saved or used.
// Returns every problem, with the JSON field path each one would have in the file.
QList<ConfigProblem> validateConfig(const Config &config);

// The embedded default config, written on first run.
QByteArray defaultConfigJson();

// The embedded demo config: one provider of kind "simulated" and real prices.
QByteArray demoConfigJson();

// Returns the config as indented JSON. Fields of config.source that this version does not model
// are kept, including unknown keys inside each provider, model, stage and rate limit entry.
QByteArray serializeConfig(const Config &config);

// Writes serializeConfig(config) atomically: readers see the old file or the new one, never a mix.
Status saveConfigFile(const QString &path, const Config &config);

// Writes already serialized config JSON atomically, like saveConfigFile().
Status saveConfigJson(const QString &path, const QByteArray &json);

// Creates the parent folders and writes the embedded default when the file does not exist yet.
Status ensureConfigFile(const QString &path);

// Validates the file for --check-config: prints every problem one per line as
// "FILE: FIELD: MESSAGE", then a summary line. Returns the exit code, 0 if valid and 1 if not.
int checkConfigFile(const QString &path, QTextStream &out);

} // namespace signalbox
