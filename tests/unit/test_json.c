/* The batch line reader: strict JSON, escapes decoded, clear errors; and the
 * walk over any JSON value's scalars. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_json.h"

static int sg_test_parse(const char *s, sg_json_line *out, char *msg, size_t msgsz)
{
    return sg_json_parse_line(s, strlen(s), 3, out, msg, msgsz);
}

/* Parses `s`, which must succeed, and prints the message when it does not. */
static void sg_test_ok(const char *s, sg_json_line *out)
{
    char msg[256];
    int rc = sg_test_parse(s, out, msg, sizeof msg);
    if (rc != 0)
        print_error("input %s: %s\n", s, msg);
    assert_int_equal(rc, 0);
}

/* Parses `s`, which must fail with exactly `want`. */
static void sg_test_fails_with(const char *s, const char *want)
{
    sg_json_line line;
    char msg[256];
    int rc = sg_test_parse(s, &line, msg, sizeof msg);
    if (rc == 0)
        print_error("input %s: parsed, expected error '%s'\n", s, want);
    assert_int_equal(rc, -1);
    if (strcmp(msg, want) != 0)
        print_error("input %s\n", s);
    assert_string_equal(msg, want);
    sg_json_line_free(&line);
}

static void reads_string_id_text_and_from(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("{\"id\": \"a-1\", \"text\": \"She dies.\", \"from\": \"plain\"}\n",
               &line);
    assert_int_equal(line.id_type, SG_JSON_ID_STRING);
    assert_int_equal(line.id_len, 3);
    assert_memory_equal(line.id, "a-1", 3);
    assert_int_equal(line.text_len, 9);
    assert_string_equal(line.text, "She dies.");
    assert_string_equal(line.from, "plain");
    sg_json_line_free(&line);
}

static void keeps_numeric_id_as_written(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("{\"text\":\"x\",\"id\":-1.50e+3}", &line);
    assert_int_equal(line.id_type, SG_JSON_ID_NUMBER);
    assert_string_equal(line.id, "-1.50e+3");
    sg_json_line_free(&line);
    sg_test_ok("{\"text\":\"x\",\"id\":0}", &line);
    assert_string_equal(line.id, "0");
    sg_json_line_free(&line);
}

static void null_or_absent_id_is_none(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("{\"id\":null,\"text\":\"x\"}", &line);
    assert_int_equal(line.id_type, SG_JSON_ID_NONE);
    assert_null(line.id);
    sg_json_line_free(&line);
    sg_test_ok("{\"text\":\"x\"}", &line);
    assert_int_equal(line.id_type, SG_JSON_ID_NONE);
    assert_null(line.from);
    sg_json_line_free(&line);
}

static void ignores_other_keys_of_any_shape(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("{\"meta\":{\"a\":[1,2.5,-0,true,false,null,{\"b\":[]}],\"c\":{}},"
               "\"text\":\"t\",\"n\":1e9,\"s\":\"\\\"\"}",
               &line);
    assert_string_equal(line.text, "t");
    sg_json_line_free(&line);
}

static void decodes_escapes_and_surrogate_pairs(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok(
        "{\"text\":\"caf\\u00e9 \\ud83d\\ude00 \\u2063\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
        &line);
    const char want[] = "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x81\xA3\"\\/\b\f\n\r\t";
    assert_int_equal(line.text_len, sizeof want - 1);
    assert_memory_equal(line.text, want, sizeof want - 1);
    sg_json_line_free(&line);
}

static void decodes_nul_escape_keeping_length(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("{\"text\":\"a\\u0000b\"}", &line);
    assert_int_equal(line.text_len, 3);
    assert_memory_equal(line.text, "a\0b", 3);
    sg_json_line_free(&line);
}

static void keeps_raw_bytes_above_ascii_as_they_are(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("{\"text\":\"\xC3\xA9 \xFF\xFE ok\"}", &line);
    assert_int_equal(line.text_len, 8);
    assert_memory_equal(line.text, "\xC3\xA9 \xFF\xFE ok", 8);
    sg_json_line_free(&line);
}

static void accepts_crlf_and_surrounding_space(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("  \t{ \"text\" : \"x\" }  \r\n", &line);
    assert_string_equal(line.text, "x");
    sg_json_line_free(&line);
}

static void missing_colon_names_line_and_column(void **state)
{
    (void)state;
    sg_test_fails_with("{\"id\" 1}", "line 3: expected ':' at column 7");
}

static void error_messages_name_what_was_expected(void **state)
{
    (void)state;
    sg_test_fails_with("[1]", "line 3: expected '{' at column 1");
    sg_test_fails_with("{\"text\":\"x\",}", "line 3: expected a string key at column 13");
    sg_test_fails_with("{\"text\":\"x\" \"id\":1}",
                       "line 3: expected ',' or '}' at column 13");
    sg_test_fails_with("{\"text\":\"x\"", "line 3: expected ',' or '}' at column 12");
    sg_test_fails_with("{\"text\":\"x}",
                       "line 3: unterminated string starting at column 9");
    sg_test_fails_with("{\"text\":\"x\"} x",
                       "line 3: unexpected 'x' after the object at column 14");
    sg_test_fails_with("{\"a\":[1,]}", "line 3: unexpected ']' at column 9");
    sg_test_fails_with("{\"a\":tru}", "line 3: unexpected 't' at column 6");
    sg_test_fails_with("", "line 3: expected '{' at column 1");
}

static void rejects_malformed_numbers(void **state)
{
    (void)state;
    sg_test_fails_with("{\"a\":01}", "line 3: invalid number at column 6");
    sg_test_fails_with("{\"a\":1.}", "line 3: invalid number at column 6");
    sg_test_fails_with("{\"a\":-}", "line 3: invalid number at column 6");
    sg_test_fails_with("{\"a\":1e}", "line 3: invalid number at column 6");
    sg_test_fails_with("{\"a\":+1}", "line 3: unexpected '+' at column 6");
}

static void rejects_bad_escapes_and_lone_surrogates(void **state)
{
    (void)state;
    sg_test_fails_with("{\"text\":\"\\q\"}", "line 3: invalid escape '\\q' at column 10");
    sg_test_fails_with(
        "{\"text\":\"\\u12G4\"}",
        "line 3: invalid \\u escape (four hex digits expected) at column 10");
    sg_test_fails_with("{\"text\":\"\\ud83d x\"}",
                       "line 3: unpaired surrogate \\uD83D at column 10");
    sg_test_fails_with("{\"text\":\"\\ude00\"}",
                       "line 3: unpaired surrogate \\uDE00 at column 10");
    sg_test_fails_with("{\"text\":\"\\ud83d\\u0041\"}",
                       "line 3: unpaired surrogate \\uD83D at column 10");
}

static void rejects_control_characters_in_strings(void **state)
{
    (void)state;
    sg_test_fails_with("{\"text\":\"a\tb\"}",
                       "line 3: unescaped control character 0x09 in string at column 11");
    sg_json_line line;
    char msg[128];
    const char nul[] = "{\"text\":\"a\0b\"}";
    assert_int_equal(sg_json_parse_line(nul, sizeof nul - 1, 1, &line, msg, sizeof msg),
                     -1);
    assert_string_equal(
        msg, "line 1: unescaped control character 0x00 in string at column 11");
    sg_json_line_free(&line);
}

static void rejects_wrong_types_and_duplicates(void **state)
{
    (void)state;
    sg_test_fails_with("{\"text\":42}", "line 3: \"text\" must be a string at column 9");
    sg_test_fails_with("{\"from\":null}",
                       "line 3: \"from\" must be a string at column 9");
    sg_test_fails_with("{\"id\":[1]}",
                       "line 3: \"id\" must be a string or a number at column 7");
    sg_test_fails_with("{\"text\":\"a\",\"text\":\"b\"}",
                       "line 3: duplicate key \"text\" at column 13");
}

static void rejects_nesting_past_the_limit(void **state)
{
    (void)state;
    char s[4 * SG_JSON_MAX_DEPTH + 64];
    size_t n = 0;
    n += (size_t)sprintf(s, "{\"a\":");
    for (int i = 0; i < SG_JSON_MAX_DEPTH + 5; i++)
        s[n++] = '[';
    s[n] = '\0';
    sg_json_line line;
    char msg[128];
    assert_int_equal(sg_json_parse_line(s, n, 0, &line, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "nesting deeper than"));
    sg_json_line_free(&line);

    /* Just inside the limit parses. */
    n = (size_t)sprintf(s, "{\"a\":");
    for (int i = 0; i < SG_JSON_MAX_DEPTH - 1; i++)
        s[n++] = '[';
    for (int i = 0; i < SG_JSON_MAX_DEPTH - 1; i++)
        s[n++] = ']';
    s[n++] = '}';
    s[n] = '\0';
    sg_test_ok(s, &line);
    sg_json_line_free(&line);
}

static void keeps_id_read_before_an_error(void **state)
{
    (void)state;
    sg_json_line line;
    char msg[128];
    assert_int_equal(sg_test_parse("{\"id\":\"x7\",\"text\":", &line, msg, sizeof msg),
                     -1);
    assert_int_equal(line.id_type, SG_JSON_ID_STRING);
    assert_string_equal(line.id, "x7");
    assert_string_equal(msg, "line 3: expected a value at column 19");
    sg_json_line_free(&line);
}

static void message_without_line_number(void **state)
{
    (void)state;
    sg_json_line line;
    char msg[128];
    assert_int_equal(sg_json_parse_line("{x", 2, 0, &line, msg, sizeof msg), -1);
    assert_string_equal(msg, "expected a string key at column 2");
    sg_json_line_free(&line);
}

static void empty_object_has_no_text(void **state)
{
    (void)state;
    sg_json_line line;
    sg_test_ok("{}", &line);
    assert_null(line.text);
    sg_json_line_free(&line);
}

static void blank_lines_are_whitespace_only(void **state)
{
    (void)state;
    assert_true(sg_json_blank("", 0));
    assert_true(sg_json_blank(" \t\r\n", 4));
    assert_false(sg_json_blank(" {}", 3));
}

/* Every prefix of a valid line is refused cleanly (no read past the end). */
static void every_truncation_fails_cleanly(void **state)
{
    (void)state;
    const char full[] =
        "{\"id\":\"\\ud83d\\ude00\",\"text\":\"a\\u00e9\\n\",\"x\":[1,{\"y\":-2.5e3}]}";
    for (size_t n = 0; n + 1 < sizeof full; n++) {
        char *copy = malloc(n ? n : 1);
        assert_non_null(copy);
        memcpy(copy, full, n);
        sg_json_line line;
        char msg[128];
        int rc = sg_json_parse_line(copy, n, 1, &line, msg, sizeof msg);
        if (rc != -1)
            print_error("prefix of %zu bytes parsed\n", n);
        assert_int_equal(rc, -1);
        assert_true(strncmp(msg, "line 1: ", 8) == 0);
        sg_json_line_free(&line);
        free(copy);
    }
}

/* `in` (n bytes) written by sg_json_write_string as a batch line's text:
 * checks the line is `want` and reads back as `in`. */
static void write_string_reads_back(const char *in, size_t n, const char *want)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fputs("{\"text\":", f);
    sg_json_write_string(f, in, n);
    fputc('}', f);
    assert_int_equal(fclose(f), 0);
    assert_string_equal(buf, want);
    sg_json_line line;
    sg_test_ok(buf, &line);
    assert_int_equal(line.text_len, n);
    assert_memory_equal(line.text, in, n);
    sg_json_line_free(&line);
    free(buf);
}

/* What the batch writes for ids and messages reads back as the same bytes,
 * except invalid UTF-8, which becomes \u00XX of each byte. */
static void write_string_escapes_and_reads_back(void **state)
{
    (void)state;
    const char in[] = "a\"b\\c\n\t\x01 caf\xC3\xA9 \xF0\x9F\x98\x80 <x>";
    write_string_reads_back(
        in, sizeof in - 1,
        "{\"text\":\"a\\\"b\\\\c\\n\\t\\u0001 caf\xC3\xA9 \xF0\x9F\x98\x80 <x>\"}");

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    sg_json_write_string(f, "\xFF\xC3x\xED\xA0\x80", 6);
    assert_int_equal(fclose(f), 0);
    assert_string_equal(buf, "\"\\u00ff\\u00c3x\\u00ed\\u00a0\\u0080\"");
    free(buf);
}

/* sg_json_walk: each scalar with its key, its object's key and its bytes. */
typedef struct sg_test_walk {
    char seen[512];
} sg_test_walk;

static void sg_test_scalar(const sg_json_scalar *v, void *ud)
{
    sg_test_walk *w = ud;
    size_t n = strlen(w->seen);
    snprintf(w->seen + n, sizeof w->seen - n, "%.*s/%.*s#%zu=%zu-%zu%s;",
             (int)v->holder_key_len, v->holder_key ? v->holder_key : "",
             (int)v->key_len, v->key ? v->key : "", v->object, v->start, v->end,
             v->is_string ? "s" : "");
}

static void walk_reports_keys_holders_and_spans(void **state)
{
    (void)state;
    const char *s = "{\"a\\u0062\": [1, {\"c\": \"x\\\"y\"}], \"d\": {\"e\": null}}";
    sg_test_walk w = {{0}};
    assert_int_equal(sg_json_walk(s, strlen(s), sg_test_scalar, &w), 0);
    assert_string_equal(w.seen, "/ab#1=13-14;ab/c#2=23-27s;d/e#3=43-47;");
    const char *bad[] = {"{\"a\": 1,}", "[1 2]", "{\"a\" 1}", "\"open", "1 2", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(sg_json_walk(bad[i], strlen(bad[i]), sg_test_scalar, &w), -1);
    char deep[200];
    memset(deep, '[', sizeof deep);
    assert_int_equal(sg_json_walk(deep, sizeof deep, sg_test_scalar, &w), -1);
}

/* The batch's ids and messages are escaped as the report is: "</" cannot end
 * a <script> the JSON is put in, and U+2028/U+2029, which end a JavaScript
 * string literal, are written as escapes; all of it reads back as written. */
static void write_string_is_safe_in_script(void **state)
{
    (void)state;
    const char in[] = "</script><!-- a\xE2\x80\xA8"
                      "b\xE2\x80\xA9"
                      "c /x";
    write_string_reads_back(in, sizeof in - 1,
                            "{\"text\":\"<\\/script><!-- a\\u2028b\\u2029c /x\"}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_string_id_text_and_from),
        cmocka_unit_test(keeps_numeric_id_as_written),
        cmocka_unit_test(null_or_absent_id_is_none),
        cmocka_unit_test(ignores_other_keys_of_any_shape),
        cmocka_unit_test(decodes_escapes_and_surrogate_pairs),
        cmocka_unit_test(decodes_nul_escape_keeping_length),
        cmocka_unit_test(keeps_raw_bytes_above_ascii_as_they_are),
        cmocka_unit_test(accepts_crlf_and_surrounding_space),
        cmocka_unit_test(missing_colon_names_line_and_column),
        cmocka_unit_test(error_messages_name_what_was_expected),
        cmocka_unit_test(rejects_malformed_numbers),
        cmocka_unit_test(rejects_bad_escapes_and_lone_surrogates),
        cmocka_unit_test(rejects_control_characters_in_strings),
        cmocka_unit_test(rejects_wrong_types_and_duplicates),
        cmocka_unit_test(rejects_nesting_past_the_limit),
        cmocka_unit_test(keeps_id_read_before_an_error),
        cmocka_unit_test(message_without_line_number),
        cmocka_unit_test(empty_object_has_no_text),
        cmocka_unit_test(blank_lines_are_whitespace_only),
        cmocka_unit_test(every_truncation_fails_cleanly),
        cmocka_unit_test(write_string_escapes_and_reads_back),
        cmocka_unit_test(walk_reports_keys_holders_and_spans),
        cmocka_unit_test(write_string_is_safe_in_script),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
