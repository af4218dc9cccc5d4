target_sources(signalbox_core PRIVATE
    providers/sseparser.h providers/sseparser.cpp
    providers/jsonwriter.h providers/jsonwriter.cpp
    providers/upstreamcall.h providers/upstreamcall.cpp
    providers/streamcodec.h providers/streamcodec.cpp
    providers/openaiwire.h providers/openaiwire.cpp
    providers/openaicodec.h providers/openaicodec.cpp
    providers/openaistream.h providers/openaistream.cpp
    providers/anthropiccodec.h providers/anthropiccodec.cpp
    providers/anthropicstream.h providers/anthropicstream.cpp
    providers/provideradapter.h
    providers/providercall.h providers/providercall.cpp
    providers/openaiprovider.h providers/openaiprovider.cpp
    providers/anthropicprovider.h providers/anthropicprovider.cpp
    providers/geminicodec.h providers/geminicodec.cpp
    providers/geminiprovider.h providers/geminiprovider.cpp
    providers/upstreamfactory.h providers/upstreamfactory.cpp
    providers/modellisting.h providers/modellisting.cpp)
