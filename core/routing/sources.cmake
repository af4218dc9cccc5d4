target_sources(signalbox_core PRIVATE
    routing/autorouter.h routing/autorouter.cpp
    routing/classifier.h routing/classifier.cpp
    routing/keywords.h routing/keywords.cpp
    routing/router.h routing/router.cpp
    routing/taskfeatures.h routing/taskfeatures.cpp
    routing/taskprofile.h routing/taskprofile.cpp
    routing/taskrules.h routing/taskrules.cpp)
