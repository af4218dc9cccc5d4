// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Translation between the OpenAI, Anthropic and Gemini wire formats through the canonical chat
// types, checked against exact output: the JSON of requests, the bytes of bodies and SSE streams.
#include "api/apierror.h"
#include "providers/anthropiccodec.h"
#include "providers/anthropicstream.h"
#include "providers/geminicodec.h"
#include "providers/geminiprovider.h"
#include "providers/openaicodec.h"
#include "providers/openaiprovider.h"
#include "providers/openaistream.h"
#include "providers/sseparser.h"
#include "providers/streamcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace signalbox;

Q_DECLARE_METATYPE(signalbox::WireFormat)
Q_DECLARE_METATYPE(signalbox::UpstreamError::Kind)

namespace {

// The Unix time the OpenAI encoders write as `created`, fixed so the output is exact.
constexpr qint64 kCreated = 1767225600;

QByteArray translateRequestBody(WireFormat from, WireFormat to, const QByteArray &body) {
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    Result<ChatRequest> request = from == WireFormat::OpenAiChat
                                      ? openaicodec::decodeRequest(object)
                                      : anthropiccodec::decodeRequest(object);
    if (!request)
        return "error: " + request.error().toUtf8();

    QJsonObject out;
    if (to == WireFormat::Gemini) {
        Result<QJsonObject> encoded = geminicodec::encodeRequest(request.value());
        if (!encoded)
            return "error: " + encoded.error().toUtf8();
        out = encoded.value();
    } else if (to == WireFormat::OpenAiChat) {
        out = openaicodec::encodeRequest(request.value(), QStringLiteral("upstream-model"));
    } else {
        Result<QJsonObject> encoded =
            anthropiccodec::encodeRequest(request.value(), QStringLiteral("upstream-model"), 4096);
        if (!encoded)
            return "error: " + encoded.error().toUtf8();
        out = encoded.value();
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

QByteArray translateResponseBody(WireFormat from, WireFormat to, const QByteArray &body) {
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    ChatResponse response;
    if (from == WireFormat::Gemini)
        response = geminicodec::decodeResponse(object);
    else if (from == WireFormat::OpenAiChat)
        response = openaicodec::decodeResponse(object);
    else
        response = anthropiccodec::decodeResponse(object);
    return to == WireFormat::OpenAiChat ? openaicodec::encodeResponse(response, kCreated)
                                        : anthropiccodec::encodeResponse(response);
}

std::unique_ptr<StreamDecoder> createDecoder(WireFormat upstream) {
    if (upstream == WireFormat::Gemini)
        return std::make_unique<GeminiStreamDecoder>(QStringLiteral("up"));
    if (upstream == WireFormat::OpenAiChat)
        return std::make_unique<OpenAiStreamDecoder>(QStringLiteral("up"));
    return std::make_unique<AnthropicStreamDecoder>(QStringLiteral("up"));
}

// Feeds the upstream SSE bytes to the decoder in pieces of `pieceSize` bytes and returns what
// the client encoder writes, or the text "error: " and the message of the first error.
QByteArray translateStream(WireFormat from, WireFormat to, const QByteArray &sse, bool includeUsage,
                           qsizetype pieceSize = 0) {
    std::unique_ptr<StreamDecoder> decoder = createDecoder(from);
    std::unique_ptr<ClientStreamEncoder> encoder =
        createClientStreamEncoder(to, includeUsage, kCreated);
    SseParser parser;
    QList<SseEvent> events;
    if (pieceSize <= 0)
        pieceSize = sse.size();
    for (qsizetype offset = 0; offset < sse.size(); offset += pieceSize)
        events << parser.feed(
            QByteArrayView(sse).sliced(offset, qMin(pieceSize, sse.size() - offset)));
    events << parser.finish();

    QByteArray out;
    for (const SseEvent &event : std::as_const(events)) {
        const DecodedEvent decoded = decoder->decode(event);
        if (decoded.error)
            return out + "error: " + decoded.error->message.toUtf8();
        for (const StreamEvent &canonical : decoded.events)
            out += encoder->encode(canonical);
    }
    return out + encoder->finish();
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT

private slots:
    void requestTranslation_data();
    void requestTranslation();
    void responseTranslation_data();
    void responseTranslation();
    void streamTranslation_data();
    void streamTranslation();
    void streamSplitAnywhere();
    void streamErrors_data();
    void streamErrors();
    void anthropicUsageCountedOnce();
    void anthropicMessageId_data();
    void anthropicMessageId();
    void anthropicMessageIdGenerated();
    void anthropicMessageIdRandomWhenEmpty_data();
    void anthropicMessageIdRandomWhenEmpty();
    void streamStartNamesUpstreamModel_data();
    void streamStartNamesUpstreamModel();
    void errorEnvelopes_data();
    void errorEnvelopes();
    void geminiRetryDelay_data();
    void geminiRetryDelay();
    void outputLimitFieldPerProvider();
};

void TestTranslation::requestTranslation_data() {
    QTest::addColumn<WireFormat>("from");
    QTest::addColumn<WireFormat>("to");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("openai text to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"system","content":"Be brief."},{"role":"developer","content":"Use metric units."},{"role":"user","content":"How far is the moon?"}],"max_tokens":300,"temperature":0.5,"top_p":0.9,"stop":"END","user":"u-42","stream":true,"stream_options":{"include_usage":true}})json")
        << QByteArray(
               R"json({"max_tokens":300,"messages":[{"content":[{"text":"How far is the moon?","type":"text"}],"role":"user"}],"metadata":{"user_id":"u-42"},"model":"upstream-model","stop_sequences":["END"],"stream":true,"system":[{"text":"Be brief.","type":"text"},{"text":"Use metric units.","type":"text"}],"temperature":0.5,"top_p":0.9})json");
    QTest::newRow("openai tools to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"user","content":"Weather in Paris and Rome?"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},{"id":"call_2","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Rome\"}"}}]},{"role":"tool","tool_call_id":"call_1","content":"18 C"},{"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"21 C"}]},{"role":"user","content":"Which is warmer?"}],"tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],"tool_choice":"required","parallel_tool_calls":false})json")
        << QByteArray(
               R"json({"max_tokens":4096,"messages":[{"content":[{"text":"Weather in Paris and Rome?","type":"text"}],"role":"user"},{"content":[{"id":"call_1","input":{"city":"Paris"},"name":"get_weather","type":"tool_use"},{"id":"call_2","input":{"city":"Rome"},"name":"get_weather","type":"tool_use"}],"role":"assistant"},{"content":[{"content":"18 C","tool_use_id":"call_1","type":"tool_result"},{"content":"21 C","tool_use_id":"call_2","type":"tool_result"},{"text":"Which is warmer?","type":"text"}],"role":"user"}],"model":"upstream-model","tool_choice":{"disable_parallel_tool_use":true,"type":"any"},"tools":[{"description":"Current weather","input_schema":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"},"name":"get_weather"}]})json");
    QTest::newRow("openai images to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"user","content":[{"type":"text","text":"Compare these."},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}},{"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}}]}],"max_completion_tokens":50,"tool_choice":{"type":"function","function":{"name":"describe"}},"tools":[{"type":"function","function":{"name":"describe","parameters":{"type":"object","properties":{}}}}]})json")
        << QByteArray(
               R"json({"max_tokens":50,"messages":[{"content":[{"text":"Compare these.","type":"text"},{"source":{"data":"iVBORw0KGgo=","media_type":"image/png","type":"base64"},"type":"image"},{"source":{"type":"url","url":"https://example.com/cat.jpg"},"type":"image"}],"role":"user"}],"model":"upstream-model","tool_choice":{"name":"describe","type":"tool"},"tools":[{"input_schema":{"properties":{},"type":"object"},"name":"describe"}]})json");
    QTest::newRow("anthropic text to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"model":"stage:code","max_tokens":1024,"system":[{"type":"text","text":"You review code.","cache_control":{"type":"ephemeral"}}],"messages":[{"role":"user","content":"Review this."},{"role":"assistant","content":"Which file?"},{"role":"user","content":[{"type":"text","text":"main.cpp"}]}],"stop_sequences":["\n\nHuman:"],"temperature":0.2,"metadata":{"user_id":"u-7"},"stream":true})json")
        << QByteArray(
               R"json({"max_tokens":1024,"messages":[{"content":"You review code.","role":"system"},{"content":"Review this.","role":"user"},{"content":"Which file?","role":"assistant"},{"content":"main.cpp","role":"user"}],"model":"upstream-model","stop":["\n\nHuman:"],"stream":true,"stream_options":{"include_usage":true},"temperature":0.2,"user":"u-7"})json");
    QTest::newRow("anthropic tools to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"model":"auto","max_tokens":512,"tools":[{"name":"read_file","description":"Read a file","input_schema":{"type":"object","properties":{"path":{"type":"string"}}}}],"tool_choice":{"type":"tool","name":"read_file","disable_parallel_tool_use":true},"messages":[{"role":"user","content":"Open the README."},{"role":"assistant","content":[{"type":"thinking","thinking":"I should read it.","signature":"sig-1"},{"type":"text","text":"Reading it."},{"type":"tool_use","id":"toolu_01","name":"read_file","input":{"path":"README.md"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":[{"type":"text","text":"# Signalbox"}]},{"type":"text","text":"Summarize it."}]}]})json")
        << QByteArray(
               R"json({"max_tokens":512,"messages":[{"content":"Open the README.","role":"user"},{"content":"Reading it.","role":"assistant","tool_calls":[{"function":{"arguments":"{\"path\":\"README.md\"}","name":"read_file"},"id":"toolu_01","type":"function"}]},{"content":"# Signalbox","role":"tool","tool_call_id":"toolu_01"},{"content":"Summarize it.","role":"user"}],"model":"upstream-model","parallel_tool_calls":false,"tool_choice":{"function":{"name":"read_file"},"type":"function"},"tools":[{"function":{"description":"Read a file","name":"read_file","parameters":{"properties":{"path":{"type":"string"}},"type":"object"}},"type":"function"}]})json");
    QTest::newRow("anthropic images to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"model":"auto","max_tokens":100,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}},{"type":"image","source":{"type":"url","url":"https://example.com/dog.png"}},{"type":"text","text":"What breed?"}]}],"tool_choice":{"type":"any"},"tools":[{"name":"answer","input_schema":{"type":"object"}}]})json")
        << QByteArray(
               R"json({"max_tokens":100,"messages":[{"content":[{"image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"},"type":"image_url"},{"image_url":{"url":"https://example.com/dog.png"},"type":"image_url"},{"text":"What breed?","type":"text"}],"role":"user"}],"model":"upstream-model","tool_choice":"required","tools":[{"function":{"name":"answer","parameters":{"type":"object"}},"type":"function"}]})json");
    QTest::newRow("anthropic roundtrip thinking kept")
        << WireFormat::AnthropicMessages << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"model":"auto","max_tokens":2048,"thinking":{"type":"enabled","budget_tokens":1024},"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":[{"type":"thinking","thinking":"Greet.","signature":"sig-9"},{"type":"text","text":"Hello!"}]},{"role":"user","content":"Again"}]})json")
        << QByteArray(
               R"json({"max_tokens":2048,"messages":[{"content":[{"text":"Hi","type":"text"}],"role":"user"},{"content":[{"signature":"sig-9","thinking":"Greet.","type":"thinking"},{"text":"Hello!","type":"text"}],"role":"assistant"},{"content":[{"text":"Again","type":"text"}],"role":"user"}],"model":"upstream-model","thinking":{"budget_tokens":1024,"type":"enabled"}})json");
    QTest::newRow("openai reasoning dropped for anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello","reasoning_content":"Greet them."},{"role":"user","content":"Bye"},{"role":"user","content":"Really."}]})json")
        << QByteArray(
               R"json({"max_tokens":4096,"messages":[{"content":[{"text":"Hi","type":"text"}],"role":"user"},{"content":[{"text":"Hello","type":"text"}],"role":"assistant"},{"content":[{"text":"Bye","type":"text"},{"text":"Really.","type":"text"}],"role":"user"}],"model":"upstream-model"})json");
    QTest::newRow("openai audio rejected")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AAA","format":"wav"}}]}]})json")
        << QByteArray(
               R"json(error: messages[0]: content part type "input_audio" cannot be translated for this model; send text or image_url parts)json");
    QTest::newRow("openai bad arguments rejected")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"call_9","type":"function","function":{"name":"f","arguments":"{not json"}}]}]})json")
        << QByteArray(
               R"json(error: tool call arguments are not a JSON object (unterminated object): {not json)json");
    QTest::newRow("openai to gemini text and images")
        << WireFormat::OpenAiChat << WireFormat::Gemini
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}],"max_tokens":100,"temperature":0.3,"top_p":0.8,"stop":["END"],"response_format":{"type":"json_object"}})json")
        << QByteArray(
               R"json({"contents":[{"parts":[{"text":"What is this?"},{"inlineData":{"data":"iVBORw0KGgo=","mimeType":"image/png"}},{"fileData":{"fileUri":"https://example.com/a.png","mimeType":"image/*"}}],"role":"user"}],"generationConfig":{"maxOutputTokens":100,"responseMimeType":"application/json","stopSequences":["END"],"temperature":0.3,"topP":0.8},"systemInstruction":{"parts":[{"text":"Be brief."}]}})json");
    QTest::newRow("openai to gemini tools and results")
        << WireFormat::OpenAiChat << WireFormat::Gemini
        << QByteArray(
               R"json({"model":"auto","messages":[{"role":"user","content":"Weather in Paris?"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","tool_call_id":"call_1","content":"18 C and sunny"}],"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather","parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","additionalProperties":false,"properties":{"city":{"type":"string"}}}}}],"tool_choice":{"type":"function","function":{"name":"get_weather"}}})json")
        << QByteArray(
               R"json({"contents":[{"parts":[{"text":"Weather in Paris?"}],"role":"user"},{"parts":[{"functionCall":{"args":{"city":"Paris"},"name":"get_weather"}}],"role":"model"},{"parts":[{"functionResponse":{"name":"get_weather","response":{"content":"18 C and sunny"}}}],"role":"user"}],"toolConfig":{"functionCallingConfig":{"allowedFunctionNames":["get_weather"],"mode":"ANY"}},"tools":[{"functionDeclarations":[{"description":"Weather","name":"get_weather","parameters":{"properties":{"city":{"type":"string"}},"type":"object"}}]}]})json");
    QTest::newRow("anthropic to gemini thinking budget")
        << WireFormat::AnthropicMessages << WireFormat::Gemini
        << QByteArray(
               R"json({"model":"auto","max_tokens":2048,"thinking":{"type":"enabled","budget_tokens":1024},"system":"Think.","messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":[{"type":"thinking","thinking":"Greet.","signature":"s"},{"type":"text","text":"Hello"}]},{"role":"user","content":"Again"}],"tools":[{"name":"noop","input_schema":{"type":"object"}}],"tool_choice":{"type":"none"}})json")
        << QByteArray(
               R"json({"contents":[{"parts":[{"text":"Hi"}],"role":"user"},{"parts":[{"text":"Hello"}],"role":"model"},{"parts":[{"text":"Again"}],"role":"user"}],"generationConfig":{"maxOutputTokens":2048,"thinkingConfig":{"includeThoughts":true,"thinkingBudget":1024}},"systemInstruction":{"parts":[{"text":"Think."}]},"toolConfig":{"functionCallingConfig":{"mode":"NONE"}},"tools":[{"functionDeclarations":[{"name":"noop","parameters":{"type":"object"}}]}]})json");
}

void TestTranslation::requestTranslation() {
    QFETCH(WireFormat, from);
    QFETCH(WireFormat, to);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const QByteArray actual = translateRequestBody(from, to, input);
    if (expected.startsWith("error: ")) {
        QCOMPARE(actual, expected);
        return;
    }
    // Upstream request bodies are compared as JSON values: key order is not part of the format.
    QVERIFY2(!actual.startsWith("error: "), actual.constData());
    QCOMPARE(QJsonDocument::fromJson(actual), QJsonDocument::fromJson(expected));
}

void TestTranslation::responseTranslation_data() {
    QTest::addColumn<WireFormat>("from");
    QTest::addColumn<WireFormat>("to");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("anthropic text to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":100,"cache_read_input_tokens":2000,"output_tokens":6}})json")
        << QByteArray(
               R"json({"id":"msg_01","object":"chat.completion","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":2112,"completion_tokens":6,"total_tokens":2118,"prompt_tokens_details":{"cached_tokens":2000,"cache_write_tokens":100},"completion_tokens_details":{"reasoning_tokens":0}}})json");
    QTest::newRow("anthropic tool use to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Let me check."},{"type":"tool_use","id":"toolu_9","name":"get_weather","input":{"city":"Oslo","unit":"c"}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":22}})json")
        << QByteArray(
               R"json({"id":"msg_02","object":"chat.completion","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"message":{"role":"assistant","content":"Let me check.","tool_calls":[{"id":"toolu_9","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\",\"unit\":\"c\"}"}}],"refusal":null},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":40,"completion_tokens":22,"total_tokens":62,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}})json");
    QTest::newRow("anthropic thinking to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"thinking","thinking":"Two plus two.","signature":"sig"},{"type":"text","text":"4"}],"stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":9}})json")
        << QByteArray(
               R"json({"id":"msg_03","object":"chat.completion","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"message":{"role":"assistant","content":"4","reasoning_content":"Two plus two.","refusal":null},"logprobs":null,"finish_reason":"length"}],"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}})json");
    QTest::newRow("openai text to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hi there","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":1200,"completion_tokens":30,"total_tokens":1230,"prompt_tokens_details":{"cached_tokens":1000},"completion_tokens_details":{"reasoning_tokens":0}}})json")
        << QByteArray(
               R"json({"id":"msg_1","type":"message","role":"assistant","model":"gpt-4o-mini","content":[{"type":"text","text":"Hi there"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":200,"cache_creation_input_tokens":0,"cache_read_input_tokens":1000,"output_tokens":30}})json");
    QTest::newRow("openai tool calls to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"search","arguments":"{\"q\":\"qt\"}"}},{"id":"call_b","type":"function","function":{"name":"now","arguments":""}}]},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":50,"completion_tokens":20,"total_tokens":70}})json")
        << QByteArray(
               R"json({"id":"msg_2","type":"message","role":"assistant","model":"gpt-4o","content":[{"type":"tool_use","id":"call_a","name":"search","input":{"q":"qt"}},{"type":"tool_use","id":"call_b","name":"now","input":{}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":50,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":20}})json");
    QTest::newRow("openai reasoning to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"id":"chatcmpl-3","object":"chat.completion","created":1,"model":"deepseek-reasoner","choices":[{"index":0,"message":{"role":"assistant","content":"42","reasoning_content":"Think hard."},"finish_reason":"length"}],"usage":{"prompt_tokens":10,"completion_tokens":100,"total_tokens":110,"prompt_cache_hit_tokens":4,"completion_tokens_details":{"reasoning_tokens":90}}})json")
        << QByteArray(
               R"json({"id":"msg_3","type":"message","role":"assistant","model":"deepseek-reasoner","content":[{"type":"thinking","thinking":"Think hard.","signature":""},{"type":"text","text":"42"}],"stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":6,"cache_creation_input_tokens":0,"cache_read_input_tokens":4,"output_tokens":100}})json");
    QTest::newRow("gemini text to openai")
        << WireFormat::Gemini << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"candidates":[{"content":{"parts":[{"text":"Let me think.","thought":true},{"text":"It is 18 C."}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":120,"candidatesTokenCount":8,"totalTokenCount":148,"cachedContentTokenCount":100,"thoughtsTokenCount":20},"modelVersion":"gemini-2.5-flash","responseId":"resp-1"})json")
        << QByteArray(
               R"json({"id":"resp-1","object":"chat.completion","created":1767225600,"model":"gemini-2.5-flash","choices":[{"index":0,"message":{"role":"assistant","content":"It is 18 C.","reasoning_content":"Let me think.","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":120,"completion_tokens":28,"total_tokens":148,"prompt_tokens_details":{"cached_tokens":100},"completion_tokens_details":{"reasoning_tokens":20}}})json");
    QTest::newRow("gemini text to anthropic")
        << WireFormat::Gemini << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"candidates":[{"content":{"parts":[{"text":"Let me think.","thought":true},{"text":"It is 18 C."}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":120,"candidatesTokenCount":8,"totalTokenCount":148,"cachedContentTokenCount":100,"thoughtsTokenCount":20},"modelVersion":"gemini-2.5-flash","responseId":"resp-1"})json")
        << QByteArray(
               R"json({"id":"msg_resp1","type":"message","role":"assistant","model":"gemini-2.5-flash","content":[{"type":"thinking","thinking":"Let me think.","signature":""},{"type":"text","text":"It is 18 C."}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":100,"output_tokens":28}})json");
    QTest::newRow("gemini function call to anthropic")
        << WireFormat::Gemini << WireFormat::AnthropicMessages
        << QByteArray(
               R"json({"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":40,"candidatesTokenCount":6,"totalTokenCount":46},"modelVersion":"gemini-2.5-pro","responseId":"resp-2"})json")
        << QByteArray(
               R"json({"id":"msg_resp2","type":"message","role":"assistant","model":"gemini-2.5-pro","content":[{"type":"tool_use","id":"call_resp-2_0","name":"get_weather","input":{"city":"Oslo"}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":40,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":6}})json");
    QTest::newRow("gemini function call to openai")
        << WireFormat::Gemini << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":40,"candidatesTokenCount":6,"totalTokenCount":46},"modelVersion":"gemini-2.5-pro","responseId":"resp-2"})json")
        << QByteArray(
               R"json({"id":"resp-2","object":"chat.completion","created":1767225600,"model":"gemini-2.5-pro","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_resp-2_0","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}}],"refusal":null},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":40,"completion_tokens":6,"total_tokens":46,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}})json");
    QTest::newRow("gemini safety to openai")
        << WireFormat::Gemini << WireFormat::OpenAiChat
        << QByteArray(
               R"json({"candidates":[{"content":{"parts":[],"role":"model"},"finishReason":"SAFETY","index":0}],"usageMetadata":{"promptTokenCount":9,"totalTokenCount":9},"modelVersion":"gemini-2.5-flash","responseId":"resp-3"})json")
        << QByteArray(
               R"json({"id":"resp-3","object":"chat.completion","created":1767225600,"model":"gemini-2.5-flash","choices":[{"index":0,"message":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":"content_filter"}],"usage":{"prompt_tokens":9,"completion_tokens":0,"total_tokens":9,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}})json");
}

void TestTranslation::responseTranslation() {
    QFETCH(WireFormat, from);
    QFETCH(WireFormat, to);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    QCOMPARE(translateResponseBody(from, to, input), expected);
}

void TestTranslation::streamTranslation_data() {
    QTest::addColumn<WireFormat>("from");
    QTest::addColumn<WireFormat>("to");
    QTest::addColumn<bool>("includeUsage");
    QTest::addColumn<bool>("crlf");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("anthropic text to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat << true << false
        << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_s1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":3000,"output_tokens":1}}}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

event: ping
data: {"type": "ping"}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"!"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":6}}

event: message_stop
data: {"type":"message_stop"}

)json")
        << QByteArray(
               R"json(data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[],"usage":{"prompt_tokens":3011,"completion_tokens":6,"total_tokens":3017,"prompt_tokens_details":{"cached_tokens":3000},"completion_tokens_details":{"reasoning_tokens":0}}}

data: [DONE]

)json");
    QTest::newRow("anthropic tool use to openai")
        << WireFormat::AnthropicMessages << WireFormat::OpenAiChat << false << false
        << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_s1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Need the weather."}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": "}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\"Oslo\"}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":40}}

event: message_stop
data: {"type":"message_stop"}

)json")
        << QByteArray(
               R"json(data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"reasoning_content":"Need the weather."},"logprobs":null,"finish_reason":null}]}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"toolu_01","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": "}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Oslo\"}"}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"msg_s1","object":"chat.completion.chunk","created":1767225600,"model":"claude-sonnet-4-5","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]}

data: [DONE]

)json");
    QTest::newRow("openai text to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages << false << false
        << QByteArray(
               R"json(data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" there"},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

data: {"id":"chatcmpl-s","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":900,"completion_tokens":2,"total_tokens":902,"prompt_tokens_details":{"cached_tokens":800}}}

data: [DONE]

)json") << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_s","type":"message","role":"assistant","model":"gpt-4o-mini","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

event: ping
data: {"type": "ping"}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" there"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":100,"cache_creation_input_tokens":0,"cache_read_input_tokens":800,"output_tokens":2}}

event: message_stop
data: {"type":"message_stop"}

)json");
    QTest::newRow("openai tool calls to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages << false << false
        << QByteArray(
               R"json(data: {"id":"chatcmpl-t","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_x","type":"function","function":{"name":"search","arguments":""}}],"refusal":null},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-t","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"q\":"}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-t","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"qt\"}"}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-t","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_y","type":"function","function":{"name":"now","arguments":"{}"}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-t","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

data: {"id":"chatcmpl-t","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":70,"completion_tokens":15,"total_tokens":85}}

data: [DONE]

)json") << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_t","type":"message","role":"assistant","model":"gpt-4o","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

event: ping
data: {"type": "ping"}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"call_x","name":"search","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"q\":"}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"\"qt\"}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_y","name":"now","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":70,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":15}}

event: message_stop
data: {"type":"message_stop"}

)json");
    QTest::newRow("openai reasoning usage on content chunk to anthropic")
        << WireFormat::OpenAiChat << WireFormat::AnthropicMessages << false << true
        << QByteArray(R"json(: keep-alive

data: {"id":"c-r","object":"chat.completion.chunk","created":1,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"Hmm."},"finish_reason":null}]}

data: {"id":"c-r","object":"chat.completion.chunk","created":1,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"content":"Yes."},"finish_reason":"stop"}],"usage":{"prompt_tokens":8,"completion_tokens":5,"total_tokens":13,"completion_tokens_details":{"reasoning_tokens":3}}}

)json") << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_cr","type":"message","role":"assistant","model":"deepseek-reasoner","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

event: ping
data: {"type": "ping"}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Hmm."}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Yes."}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":8,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5}}

event: message_stop
data: {"type":"message_stop"}

)json");
    QTest::newRow("anthropic text to anthropic encoder")
        << WireFormat::AnthropicMessages << WireFormat::AnthropicMessages << false << false
        << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_s1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":3000,"output_tokens":1}}}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":3}}

event: message_stop
data: {"type":"message_stop"}

)json") << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_s1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

event: ping
data: {"type": "ping"}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":3000,"output_tokens":3}}

event: message_stop
data: {"type":"message_stop"}

)json");
    QTest::newRow("openai text to openai encoder without usage")
        << WireFormat::OpenAiChat << WireFormat::OpenAiChat << false << false
        << QByteArray(
               R"json(data: {"id":"chatcmpl-o","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

data: {"id":"chatcmpl-o","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Ok"},"finish_reason":null}]}

data: {"id":"chatcmpl-o","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}

data: {"id":"chatcmpl-o","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}

data: [DONE]

)json")
        << QByteArray(
               R"json(data: {"id":"chatcmpl-o","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-o","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Ok"},"logprobs":null,"finish_reason":null}]}

data: {"id":"chatcmpl-o","object":"chat.completion.chunk","created":1767225600,"model":"gpt-4o","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"length"}]}

data: [DONE]

)json");
    QTest::newRow("gemini text to openai")
        << WireFormat::Gemini << WireFormat::OpenAiChat << true << true
        << QByteArray(
               R"json(data: {"candidates": [{"content": {"parts": [{"text": "Hmm.","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 30,"totalTokenCount": 30},"modelVersion": "gemini-2.5-flash","responseId": "r-9"}

data: {"candidates": [{"content": {"parts": [{"text": "Sunny"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 30,"totalTokenCount": 30},"modelVersion": "gemini-2.5-flash","responseId": "r-9"}

data: {"candidates": [{"content": {"parts": [{"text": " today."}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 30,"candidatesTokenCount": 4,"totalTokenCount": 41,"thoughtsTokenCount": 7},"modelVersion": "gemini-2.5-flash","responseId": "r-9"}

)json")
        << QByteArray(
               R"json(data: {"id":"r-9","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-flash","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"r-9","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-flash","choices":[{"index":0,"delta":{"reasoning_content":"Hmm."},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"r-9","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-flash","choices":[{"index":0,"delta":{"content":"Sunny"},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"r-9","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-flash","choices":[{"index":0,"delta":{"content":" today."},"logprobs":null,"finish_reason":null}],"usage":null}

data: {"id":"r-9","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-flash","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

data: {"id":"r-9","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-flash","choices":[],"usage":{"prompt_tokens":30,"completion_tokens":11,"total_tokens":41,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":7}}}

data: [DONE]

)json");
    QTest::newRow("gemini text to anthropic")
        << WireFormat::Gemini << WireFormat::AnthropicMessages << false << true
        << QByteArray(
               R"json(data: {"candidates": [{"content": {"parts": [{"text": "Hmm.","thought": true}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 30,"totalTokenCount": 30},"modelVersion": "gemini-2.5-flash","responseId": "r-9"}

data: {"candidates": [{"content": {"parts": [{"text": "Sunny"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 30,"totalTokenCount": 30},"modelVersion": "gemini-2.5-flash","responseId": "r-9"}

data: {"candidates": [{"content": {"parts": [{"text": " today."}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 30,"candidatesTokenCount": 4,"totalTokenCount": 41,"thoughtsTokenCount": 7},"modelVersion": "gemini-2.5-flash","responseId": "r-9"}

)json") << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_r9","type":"message","role":"assistant","model":"gemini-2.5-flash","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

event: ping
data: {"type": "ping"}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Hmm."}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Sunny"}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":" today."}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":30,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":11}}

event: message_stop
data: {"type":"message_stop"}

)json");
    QTest::newRow("gemini function call to anthropic")
        << WireFormat::Gemini << WireFormat::AnthropicMessages << false << true
        << QByteArray(
               R"json(data: {"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_weather","args": {"city": "Rome"}}}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 50,"candidatesTokenCount": 5,"totalTokenCount": 55},"modelVersion": "gemini-2.5-pro","responseId": "r-10"}

)json") << QByteArray(R"json(event: message_start
data: {"type":"message_start","message":{"id":"msg_r10","type":"message","role":"assistant","model":"gemini-2.5-pro","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}}

event: ping
data: {"type": "ping"}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"call_r-10_0","name":"get_weather","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"city\":\"Rome\"}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":50,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5}}

event: message_stop
data: {"type":"message_stop"}

)json");
    QTest::newRow("gemini function call to openai")
        << WireFormat::Gemini << WireFormat::OpenAiChat << false << true
        << QByteArray(
               R"json(data: {"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_weather","args": {"city": "Rome"}}}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 50,"candidatesTokenCount": 5,"totalTokenCount": 55},"modelVersion": "gemini-2.5-pro","responseId": "r-10"}

)json")
        << QByteArray(
               R"json(data: {"id":"r-10","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

data: {"id":"r-10","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_r-10_0","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"r-10","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Rome\"}"}}]},"logprobs":null,"finish_reason":null}]}

data: {"id":"r-10","object":"chat.completion.chunk","created":1767225600,"model":"gemini-2.5-pro","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]}

data: [DONE]

)json");
}

void TestTranslation::streamTranslation() {
    QFETCH(WireFormat, from);
    QFETCH(WireFormat, to);
    QFETCH(bool, includeUsage);
    QFETCH(bool, crlf);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    // Gemini and some proxies end lines with CRLF; the rows contain the LF form.
    if (crlf)
        input.replace("\n", "\r\n");
    QCOMPARE(translateStream(from, to, input, includeUsage), expected);
}

void TestTranslation::streamSplitAnywhere() {
    const QByteArray input =
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
        "[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
        "\"arguments\":\"{\\\"a\\\":\"}}]},\"finish_reason\":null}]}\r\n\r\n"
        ": keep-alive\r\n\r\n"
        "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":"
        "[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]},\"finish_reason\":\"tool_calls\"}]}"
        "\r\n\r\ndata: [DONE]\r\n\r\n";
    const QByteArray whole =
        translateStream(WireFormat::OpenAiChat, WireFormat::AnthropicMessages, input, false);
    QVERIFY(whole.contains(R"("partial_json":"{\"a\":")"));
    QVERIFY(whole.contains(R"("partial_json":"1}")"));
    QVERIFY(whole.contains(R"("stop_reason":"tool_use")"));

    // A byte-by-byte feed splits every line ending, CRLF pairs included.
    for (qsizetype piece : {1, 2, 3, 7})
        QCOMPARE(translateStream(WireFormat::OpenAiChat, WireFormat::AnthropicMessages, input,
                                 false, piece),
                 whole);
}

void TestTranslation::streamErrors_data() {
    QTest::addColumn<WireFormat>("from");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<UpstreamError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");

    const QByteArray chunk =
        R"(data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"Hi"}}]})"
        "\n\n";
    QTest::newRow("openai error event mid-stream")
        << WireFormat::OpenAiChat
        << chunk +
               R"(data: {"error":{"message":"The server had an error","type":"server_error","param":null,"code":null}})"
               "\n\n"
        << UpstreamError::Kind::Http << 502 << QStringLiteral("server_error")
        << QStringLiteral("The server had an error");
    QTest::newRow("openrouter error with code")
        << WireFormat::OpenAiChat
        << QByteArray(R"(data: {"error":{"code":429,"message":"Rate limited upstream"}})"
                      "\n\n")
        << UpstreamError::Kind::Http << 429 << QString() << QStringLiteral("Rate limited upstream");
    QTest::newRow("mistral flat error")
        << WireFormat::OpenAiChat
        << QByteArray(
               R"(data: {"object":"error","message":"Service unavailable","type":"service_unavailable","param":null,"code":"1000"})"
               "\n\n")
        << UpstreamError::Kind::Http << 502 << QStringLiteral("service_unavailable")
        << QStringLiteral("Service unavailable");
    QTest::newRow("openai first event not json")
        << WireFormat::OpenAiChat << QByteArray("data: <html>\n\n") << UpstreamError::Kind::Protocol
        << 200 << QString() << QStringLiteral("not a JSON object");
    QTest::newRow("anthropic overloaded mid-stream")
        << WireFormat::AnthropicMessages
        << QByteArray(
               "event: message_start\ndata: "
               R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"m","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}})"
               "\n\nevent: error\ndata: "
               R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"
               "\n\n")
        << UpstreamError::Kind::Http << 529 << QStringLiteral("overloaded_error")
        << QStringLiteral("Overloaded");
    QTest::newRow("gemini error event")
        << WireFormat::Gemini
        << QByteArray(
               R"(data: {"error": {"code": 503,"message": "The model is overloaded.","status": "UNAVAILABLE"}})"
               "\r\n\r\n")
        << UpstreamError::Kind::Http << 503 << QStringLiteral("UNAVAILABLE")
        << QStringLiteral("The model is overloaded.");
    QTest::newRow("anthropic first event not json")
        << WireFormat::AnthropicMessages << QByteArray("event: message_start\ndata: {oops\n\n")
        << UpstreamError::Kind::Protocol << 200 << QString() << QStringLiteral("not a JSON object");
}

void TestTranslation::streamErrors() {
    QFETCH(WireFormat, from);
    QFETCH(QByteArray, input);
    QFETCH(UpstreamError::Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, message);

    std::unique_ptr<StreamDecoder> decoder = createDecoder(from);
    SseParser parser;
    std::optional<UpstreamError> error;
    for (const SseEvent &event : parser.feed(input)) {
        const DecodedEvent decoded = decoder->decode(event);
        if (decoded.error) {
            error = decoded.error;
            break;
        }
    }
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, kind);
    QCOMPARE(error->httpStatus, status);
    QCOMPARE(error->type, type);
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
    QVERIFY2(error->message.contains(QLatin1String("\"up\"")), qPrintable(error->message));
}

void TestTranslation::anthropicUsageCountedOnce() {
    // message_start reports a placeholder output of 1 and every message_delta the output so far,
    // so the last report is the total and nothing is added up.
    const QByteArray input =
        "event: message_start\ndata: "
        R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"m","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":20,"cache_creation_input_tokens":300,"cache_read_input_tokens":4000,"output_tokens":1}}})"
        "\n\nevent: message_delta\ndata: "
        R"({"type":"message_delta","delta":{"stop_reason":null,"stop_sequence":null},"usage":{"output_tokens":15}})"
        "\n\nevent: message_delta\ndata: "
        R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":42}})"
        "\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    AnthropicStreamDecoder decoder(QStringLiteral("up"));
    SseParser parser;
    bool done = false;
    for (const SseEvent &event : parser.feed(input))
        done = decoder.decode(event).done || done;

    QVERIFY(done);
    QVERIFY(decoder.usageComplete());
    QCOMPARE(decoder.usage().outputTokens, 42);
    QCOMPARE(decoder.usage().inputTokens, 4320);
    QCOMPARE(decoder.usage().cachedTokens, 4000);
    QCOMPARE(decoder.usage().cacheWriteTokens, 300);
    QCOMPARE(decoder.usage().uncachedInputTokens(), 20);
}

void TestTranslation::errorEnvelopes_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("openAiEvent");
    QTest::addColumn<QByteArray>("anthropicEvent");

    QTest::newRow("upstream failure")
        << 502 << QStringLiteral("upstream_error") << QStringLiteral("529")
        << QByteArray(
               R"(data: {"error":{"code":"529","message":"provider overloaded","param":null,"type":"upstream_error"}})"
               "\n\n")
        << QByteArray(
               "event: error\n"
               R"(data: {"error":{"message":"provider overloaded","type":"api_error"},"type":"error"})"
               "\n\n");
    QTest::newRow("rate limit")
        << 429 << QStringLiteral("rate_limit_exceeded") << QStringLiteral("rate:global:rpm")
        << QByteArray(
               R"(data: {"error":{"code":"rate:global:rpm","message":"provider overloaded","param":null,"type":"rate_limit_exceeded"}})"
               "\n\n")
        << QByteArray(
               "event: error\n"
               R"(data: {"error":{"message":"provider overloaded","type":"rate_limit_error"},"type":"error"})"
               "\n\n");
    QTest::newRow("budget")
        << 402 << QStringLiteral("budget_exceeded") << QStringLiteral("daily_budget")
        << QByteArray(
               R"(data: {"error":{"code":"daily_budget","message":"provider overloaded","param":null,"type":"budget_exceeded"}})"
               "\n\n")
        << QByteArray(
               "event: error\n"
               R"(data: {"error":{"message":"provider overloaded","type":"billing_error"},"type":"error"})"
               "\n\n");
    QTest::newRow("anthropic type kept")
        << 503 << QStringLiteral("overloaded_error") << QString()
        << QByteArray(
               R"(data: {"error":{"code":null,"message":"provider overloaded","param":null,"type":"overloaded_error"}})"
               "\n\n")
        << QByteArray(
               "event: error\n"
               R"(data: {"error":{"message":"provider overloaded","type":"overloaded_error"},"type":"error"})"
               "\n\n");
    QTest::newRow("timeout")
        << 504 << QStringLiteral("upstream_error") << QString()
        << QByteArray(
               R"(data: {"error":{"code":null,"message":"provider overloaded","param":null,"type":"upstream_error"}})"
               "\n\n")
        << QByteArray(
               "event: error\n"
               R"(data: {"error":{"message":"provider overloaded","type":"timeout_error"},"type":"error"})"
               "\n\n");
    QTest::newRow("not found")
        << 404 << QStringLiteral("invalid_request_error") << QStringLiteral("model_not_found")
        << QByteArray(
               R"(data: {"error":{"code":"model_not_found","message":"provider overloaded","param":null,"type":"invalid_request_error"}})"
               "\n\n")
        << QByteArray(
               "event: error\n"
               R"(data: {"error":{"message":"provider overloaded","type":"not_found_error"},"type":"error"})"
               "\n\n");
}

void TestTranslation::errorEnvelopes() {
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, code);
    QFETCH(QByteArray, openAiEvent);
    QFETCH(QByteArray, anthropicEvent);
    const ApiError error{status, type, code, QStringLiteral("provider overloaded"), QString()};

    QCOMPARE(errorStreamEvent(WireFormat::OpenAiChat, error), openAiEvent);
    QCOMPARE(errorStreamEvent(WireFormat::AnthropicMessages, error), anthropicEvent);
    // A body is the event's data.
    QCOMPARE("data: " + errorBody(WireFormat::OpenAiChat, error) + "\n\n", openAiEvent);
    QCOMPARE("event: error\ndata: " + errorBody(WireFormat::AnthropicMessages, error) + "\n\n",
             anthropicEvent);
}

void TestTranslation::geminiRetryDelay_data() {
    QTest::addColumn<QString>("retryDelay");
    QTest::addColumn<QByteArray>("retryAfter");

    QTest::newRow("whole seconds") << QStringLiteral("41s") << QByteArray("41");
    QTest::newRow("fraction rounded up") << QStringLiteral("1.5s") << QByteArray("2");
    // Converting a delay past the range of qint64 is undefined behaviour, so the delay is capped.
    QTest::newRow("huge delay capped") << QStringLiteral("1e300s") << QByteArray("2147483647");
    QTest::newRow("infinite delay ignored") << QStringLiteral("infs") << QByteArray();
    QTest::newRow("negative delay ignored") << QStringLiteral("-1s") << QByteArray();
    QTest::newRow("no unit ignored") << QStringLiteral("41") << QByteArray();
}

void TestTranslation::geminiRetryDelay() {
    QFETCH(QString, retryDelay);
    QFETCH(QByteArray, retryAfter);
    const QJsonObject retryInfo{
        {QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.RetryInfo")},
        {QStringLiteral("retryDelay"), retryDelay}};
    const QJsonObject body{
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("code"), 429},
                     {QStringLiteral("message"), QStringLiteral("Resource exhausted")},
                     {QStringLiteral("status"), QStringLiteral("RESOURCE_EXHAUSTED")},
                     {QStringLiteral("details"), QJsonArray{retryInfo}}}}};

    const UpstreamError error = geminicodec::errorFromObject(body, 429, QStringLiteral("gemini"));
    QCOMPARE(error.httpStatus, 429);
    QCOMPARE(error.retryAfter, retryAfter);
}

// Anthropic clients may rely on the "msg_" prefix of message ids, so a translated reply gets one.
void TestTranslation::anthropicMessageId_data() {
    QTest::addColumn<QString>("upstreamId");
    QTest::addColumn<QString>("expected");
    QTest::newRow("anthropic kept") << QStringLiteral("msg_01X") << QStringLiteral("msg_01X");
    QTest::newRow("openai prefix replaced")
        << QStringLiteral("chatcmpl-abc") << QStringLiteral("msg_abc");
    QTest::newRow("gemini prefixed") << QStringLiteral("resp-1") << QStringLiteral("msg_resp1");
    QTest::newRow("anthropic prefix with quote")
        << QStringLiteral("msg_ab\"c") << QStringLiteral("msg_abc");
    QTest::newRow("quote and backslash")
        << QStringLiteral("chatcmpl-a\"b\\c") << QStringLiteral("msg_abc");
    QTest::newRow("control characters")
        << QStringView(u"chatcmpl-a\nb\u0000c\u001f", 15).toString() << QStringLiteral("msg_abc");
    QTest::newRow("spaces") << QStringLiteral("id with spaces")
                            << QStringLiteral("msg_idwithspaces");
    QTest::newRow("non-ascii") << QStringView(u"chatcmpl-\u00e4b\u00dfc\U0001F600d_1").toString()
                               << QStringLiteral("msg_bcd_1");
    QTest::newRow("both prefixes") << QStringLiteral("chatcmpl-msg_x") << QStringLiteral("msg_x");
    QTest::newRow("100 KB") << QString(100 * 1024, QLatin1Char('a'))
                            << QStringLiteral("msg_") + QString(64, QLatin1Char('a'));
    QTest::newRow("64 kept after dropped characters")
        << QStringLiteral("-").repeated(10) + QString(70, QLatin1Char('b'))
        << QStringLiteral("msg_") + QString(64, QLatin1Char('b'));
}

void TestTranslation::anthropicMessageId() {
    QFETCH(QString, upstreamId);
    QFETCH(QString, expected);
    QCOMPARE(anthropiccodec::messageId(upstreamId), expected);
}

// An upstream reply without an id still gets a unique one.
void TestTranslation::anthropicMessageIdGenerated() {
    const QString first = anthropiccodec::messageId(QString());
    const QString second = anthropiccodec::messageId(QString());
    QVERIFY2(first.startsWith(QLatin1String("msg_")), qPrintable(first));
    QVERIFY2(first.size() > 4, qPrintable(first));
    QVERIFY(first != second);
}

void TestTranslation::anthropicMessageIdRandomWhenEmpty_data() {
    QTest::addColumn<QString>("upstreamId");
    QTest::newRow("prefix only") << QStringLiteral("chatcmpl-");
    QTest::newRow("anthropic prefix only") << QStringLiteral("msg_");
    QTest::newRow("punctuation") << QStringLiteral("\"\\ -.");
    QTest::newRow("non-ascii") << QStringView(u"\u00e4\u00f6").toString();
}

// An id with no character a Messages id may contain gets a random one, never a bare "msg_".
void TestTranslation::anthropicMessageIdRandomWhenEmpty() {
    QFETCH(QString, upstreamId);
    const QString id = anthropiccodec::messageId(upstreamId);
    static const QRegularExpression pattern(QStringLiteral("^msg_[0-9a-f]{32}$"));
    QVERIFY2(pattern.match(id).hasMatch(), qPrintable(id));
}

void TestTranslation::streamStartNamesUpstreamModel_data() {
    QTest::addColumn<WireFormat>("client");
    QTest::addColumn<QString>("reportedModel");
    QTest::addColumn<QString>("expected");
    QTest::newRow("messages, none reported")
        << WireFormat::AnthropicMessages << QString() << QStringLiteral("gpt-4o-mini");
    QTest::newRow("messages, reported")
        << WireFormat::AnthropicMessages << QStringLiteral("gpt-4o-mini-2024-07-18")
        << QStringLiteral("gpt-4o-mini-2024-07-18");
    QTest::newRow("chat, none reported")
        << WireFormat::OpenAiChat << QString() << QStringLiteral("gpt-4o-mini");
}

// A stream whose upstream names no model names the model that was called, as a reply does.
void TestTranslation::streamStartNamesUpstreamModel() {
    QFETCH(WireFormat, client);
    QFETCH(QString, reportedModel);
    QFETCH(QString, expected);
    std::unique_ptr<ClientStreamEncoder> encoder =
        createClientStreamEncoder(client, false, kCreated, QStringLiteral("gpt-4o-mini"));
    StreamEvent start;
    start.kind = StreamEvent::Kind::MessageStart;
    start.id = QStringLiteral("chatcmpl-1");
    start.name = reportedModel;
    StreamEvent text;
    text.text = QStringLiteral("Hi");

    QByteArray frames = encoder->encode(start);
    frames += encoder->encode(text);
    const QByteArray member = "\"model\":\"" + expected.toUtf8() + '"';
    QVERIFY2(frames.contains(member), frames.constData());
}

// OpenAI's own API gets max_completion_tokens and other servers max_tokens. The adapter keeps
// what it read from the last base URL, so calls alternate between two providers here.
void TestTranslation::outputLimitFieldPerProvider() {
    const OpenAiAdapter adapter;
    UpstreamRequest request;
    request.model.upstreamId = QStringLiteral("gpt-4o-mini");
    request.body = R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]})";
    request.outputLimit = 300;
    request.provider.kind = QStringLiteral("openai");
    const QString openAiUrl = QStringLiteral("https://api.openai.com/v1");
    const QString localUrl = QStringLiteral("http://127.0.0.1:8080/v1");

    for (const QString &baseUrl : {openAiUrl, localUrl, openAiUrl, localUrl}) {
        request.provider.baseUrl = baseUrl;
        const Result<PreparedCall> call = adapter.prepare(request);
        QVERIFY(call);

        const QJsonObject body = QJsonDocument::fromJson(call.value().body).object();
        const bool openAi = baseUrl == openAiUrl;
        QCOMPARE(body.value(QLatin1String("max_completion_tokens")).toInt(), openAi ? 300 : 0);
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), openAi ? 0 : 300);
        QCOMPARE(call.value().url.toString(), baseUrl + QStringLiteral("/chat/completions"));
    }
}

QTEST_GUILESS_MAIN(TestTranslation)
#include "tst_translation.moc"
