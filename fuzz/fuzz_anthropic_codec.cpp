// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Translates arbitrary bytes read in Anthropic's Messages format, as translatorfuzz.h describes.
#include "translatorfuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    signalbox::fuzz::runTranslatorInput(signalbox::WireFormat::AnthropicMessages, data, size);
    return 0;
}
