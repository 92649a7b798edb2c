# `cmake --build build --target eval`: the detection figures (seeds, TV
# Tropes dev and train, overall, per kind, per severity and per rule) written
# to build/eval-results.txt.  A record of the figures, not a test: it never
# fails on a threshold.  Needs python3 and the corpus (SG_CORPUS_DIR).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND AND TARGET spoilerguard_cli)
  add_custom_target(eval
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/bench/eval_kinds.py
            $<TARGET_FILE:spoilerguard_cli> ${SG_CORPUS_DIR}
            ${CMAKE_BINARY_DIR}/eval-results.txt
    DEPENDS spoilerguard_cli
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "Detection figures to ${CMAKE_BINARY_DIR}/eval-results.txt"
    VERBATIM)
endif()
