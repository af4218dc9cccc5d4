// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QString>
#include <QStringView>

namespace signalbox {

// Signals in the form of a request's instruction rather than in its words: how many things it
// asks for and whether it asks to choose between alternatives.
struct RequestShape {
    // Separators between the requirements of the instruction: commas, semicolons, list commas
    // such as "、", the words "and", "und", "y", "et", "和", "并", list lines ("- ", "1. ")
    // and each question after the first.
    int asks = 0;
    // A question that names alternatives: "Kafka or RabbitMQ?", "gRPC vs REST?",
    // "选 Kafka 还是 RabbitMQ？". Alternatives that start with a digit ("2^100 or 10^30") are
    // quantities, not options, and do not count.
    bool choiceQuestion = false;
};

// Returns the prose of a message outside fenced and inline code, at most maxChars of it from
// the start, where the instruction of a request sits.
QString instructionProse(QStringView text, qsizetype maxChars);

// Reads the shape of an instruction, which is prose without code.
RequestShape readRequestShape(QStringView prose);

} // namespace signalbox
