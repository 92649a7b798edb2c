/*
 * fuzz_jsonl.c -- the batch mode's JSON Lines reader (plugin/base/sg_json.h).
 *
 * Properties: a line either parses or gets a message; what it returns is
 * NUL-terminated at its stated length; a parsed line written back with
 * sg_json_write_string (when its strings are valid UTF-8, which the writer
 * keeps exactly) parses again to the same id, text and from.
 */
#include "sg_fuzz.h"
#include "sg_json.h"

static void sg_fz_check_str(const char *what, const char *s, size_t n)
{
    if (s)
        SG_FUZZ_CHECK(s[n] == '\0', "%s of %zu bytes is not NUL-terminated", what, n);
}

static int sg_fz_same(const char *a, size_t an, const char *b, size_t bn)
{
    if (!a || !b)
        return !a && !b;
    return an == bn && !memcmp(a, b, an);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    sg_json_line line;
    char msg[256];
    msg[0] = '\0';
    int rc = sg_json_parse_line(s, size, 7, &line, msg, sizeof msg);
    (void)sg_json_blank(s, size);
    if (rc != 0) {
        SG_FUZZ_CHECK(rc == -1 && msg[0], "rejected line without a message (rc %d)", rc);
        SG_FUZZ_CHECK(!strncmp(msg, "line 7: ", 8), "message does not name the line: %s",
                      msg);
        sg_fz_check_str("id", line.id, line.id_len);
        sg_json_line_free(&line);
        return 0;
    }
    sg_fz_check_str("id", line.id, line.id_len);
    sg_fz_check_str("text", line.text, line.text_len);
    sg_fz_check_str("from", line.from, line.from_len);
    SG_FUZZ_CHECK(line.id_type == SG_JSON_ID_NONE || line.id,
                  "id of type %d with no value", (int)line.id_type);

    int exact = (!line.id || line.id_type != SG_JSON_ID_STRING ||
                 sg_fuzz_utf8_valid(line.id, line.id_len)) &&
                (!line.text || sg_fuzz_utf8_valid(line.text, line.text_len)) &&
                (!line.from || sg_fuzz_utf8_valid(line.from, line.from_len));
    if (exact) {
        char *buf = NULL;
        size_t blen = 0;
        FILE *f = open_memstream(&buf, &blen);
        SG_FUZZ_CHECK(f, "open_memstream failed");
        fputc('{', f);
        const char *sep = "";
        if (line.id_type == SG_JSON_ID_STRING) {
            fputs("\"id\":", f);
            sg_json_write_string(f, line.id, line.id_len);
            sep = ",";
        } else if (line.id_type == SG_JSON_ID_NUMBER) {
            fprintf(f, "\"id\":%.*s", (int)line.id_len, line.id);
            sep = ",";
        }
        if (line.text) {
            fprintf(f, "%s\"text\":", sep);
            sg_json_write_string(f, line.text, line.text_len);
            sep = ",";
        }
        if (line.from) {
            fprintf(f, "%s\"from\":", sep);
            sg_json_write_string(f, line.from, line.from_len);
        }
        fputs("}\n", f);
        fclose(f);
        sg_json_line again;
        int rc2 = sg_json_parse_line(buf, blen, 0, &again, msg, sizeof msg);
        if (rc2 != 0)
            sg_fuzz_dump("written back", buf, blen);
        SG_FUZZ_CHECK(rc2 == 0, "a written-back line does not parse: %s", msg);
        SG_FUZZ_CHECK(again.id_type == line.id_type &&
                          sg_fz_same(again.id, again.id_len, line.id, line.id_len),
                      "id changed on the way back");
        SG_FUZZ_CHECK(sg_fz_same(again.text, again.text_len, line.text, line.text_len),
                      "text changed on the way back");
        SG_FUZZ_CHECK(sg_fz_same(again.from, again.from_len, line.from, line.from_len),
                      "from changed on the way back");
        sg_json_line_free(&again);
        free(buf);
    }
    sg_json_line_free(&line);
    return 0;
}
