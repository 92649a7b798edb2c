#!/bin/sh
# --style auto (the default) picks the dialect by what the article shows —
# its front matter, the site folder it stands in, its links — writes in it,
# and says what it picked: "style" in the report, a line of --explain.
#
# usage: sh tests/cli/test_style_auto.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
SG=${1:?usage: test_style_auto.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
CORPUS=${2:-../shared/corpus}
ROOT=${3:-.}
case $SG in /*) ;; *) SG=$(pwd)/$SG ;; esac # the test runs it from other folders
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$ROOT/tests/cli/testlib.sh"

BODY='# Harbour Lights

The film is slow and handsome. In the final scene, Mara shoots her brother Tom on the pier.
'
# article NAME FRONT: $T/NAME.md, the front matter FRONT (may be empty) and BODY
article() {
    { [ -n "$2" ] && printf '%s\n\n' "$2"; printf '%s' "$BODY"; } > "$T/$1.md"
}
# style_of FILE [OPTIONS...]: the "style" of the report
style_of() {
    f=$1
    shift
    "$SG" --report "$@" "$f" | sed -n 's/^{"format":"[a-z]*","style":"\([a-z-]*\)".*/\1/p'
}
# picks NAME FILE WANT [OPTIONS...]: the report says WANT
picks() {
    name=$1 file=$2 want=$3
    shift 3
    got=$(style_of "$file" "$@")
    if [ "$got" = "$want" ]; then ok "$name"; else bad "$name" "picked '$got', want '$want'"; fi
}

article hugo_toml '+++
title = "Harbour Lights"
+++'
article hugo_draft '---
title: Harbour Lights
draft: true
---'
article jekyll '---
layout: post
title: Harbour Lights
---'
article obsidian_css '---
cssclasses: [wide]
---'
article obsidian_aliases '---
aliases:
  - Harbour
---'
article hugo_aliases '---
aliases:
  - /reviews/old-harbour/
---'
article plain_md ''
printf '%s\nSee also [[Harbour Lights (novel)]].\n' "$BODY" > "$T/wiki.md"

picks "toml_front_matter_picks_md_hugo" "$T/hugo_toml.md" md-hugo
picks "draft_key_picks_md_hugo" "$T/hugo_draft.md" md-hugo
picks "jekyll_layout_picks_md_html" "$T/jekyll.md" md-html
picks "cssclasses_pick_md_obsidian" "$T/obsidian_css.md" md-obsidian
picks "aliases_naming_the_note_pick_md_obsidian" "$T/obsidian_aliases.md" md-obsidian
picks "aliases_that_are_urls_pick_md_hugo" "$T/hugo_aliases.md" md-hugo
picks "wikilinks_pick_md_obsidian" "$T/wiki.md" md-obsidian
picks "markdown_with_no_sign_picks_md_html" "$T/plain_md.md" md-html
picks "style_auto_is_the_default" "$T/hugo_toml.md" md-hugo --style auto
picks "a_style_asked_for_is_kept" "$T/hugo_toml.md" md-pandoc --style md-pandoc
picks "html_span_in_markdown_is_reported_as_md_html" "$T/plain_md.md" md-html --style html-span
printf '<p>In the final scene, Mara shoots her brother Tom.</p>\n' > "$T/page.html"
picks "html_picks_html_span" "$T/page.html" html-span
printf 'In the final scene, Mara shoots her brother Tom.\n' > "$T/note.txt"
picks "plain_text_picks_plain" "$T/note.txt" plain

# the folder a file stands in: an Obsidian vault, a Hugo site, a Jekyll site
mkdir -p "$T/vault/.obsidian" "$T/vault/films" "$T/site/content/reviews" "$T/blog/_posts"
: > "$T/site/hugo.toml"
: > "$T/blog/_config.yml"
cp "$T/plain_md.md" "$T/vault/films/harbour.md"
cp "$T/plain_md.md" "$T/site/content/reviews/harbour.md"
cp "$T/plain_md.md" "$T/blog/_posts/2024-01-01-harbour.md"
cp "$T/plain_md.md" "$T/site/harbour.md"
picks "a_note_in_an_obsidian_vault_picks_md_obsidian" "$T/vault/films/harbour.md" md-obsidian
picks "a_page_in_hugo_content_picks_md_hugo" "$T/site/content/reviews/harbour.md" md-hugo
picks "a_jekyll_post_picks_md_html" "$T/blog/_posts/2024-01-01-harbour.md" md-html
picks "a_hugo_site_file_outside_content_is_no_page" "$T/site/harbour.md" md-html
got=$(cd "$T/vault/films" && style_of harbour.md)
if [ "$got" = md-obsidian ]; then ok "a_relative_path_looks_at_the_folders_above_it"; else bad "a_relative_path_looks_at_the_folders_above_it" "picked '$got'"; fi
cp "$T/jekyll.md" "$T/vault/films/jekyll.md"
picks "front_matter_speaks_before_the_folder" "$T/vault/films/jekyll.md" md-html
got=$("$SG" --report < "$T/vault/films/harbour.md" | sed -n 's/^{"format":"[a-z]*","style":"\([a-z-]*\)".*/\1/p')
if [ "$got" = md-html ]; then ok "standard_input_has_no_folder"; else bad "standard_input_has_no_folder" "picked '$got'"; fi

# what it picks it writes, and --explain says why
"$SG" "$T/vault/films/harbour.md" > "$T/out.md"
if grep -q '^> \[!warning|sg-o' "$T/out.md"; then ok "the_article_is_written_in_the_style_picked"; else bad "the_article_is_written_in_the_style_picked" "$(cat "$T/out.md")"; fi
"$SG" "$T/hugo_toml.md" > "$T/out.md"
if grep -q '{{< spoiler kind=' "$T/out.md"; then ok "a_hugo_page_gets_the_shortcode"; else bad "a_hugo_page_gets_the_shortcode" "$(cat "$T/out.md")"; fi
"$SG" --explain "$T/hugo_toml.md" > "$T/explain.txt"
if grep -q "^$T/hugo_toml.md: style md-hugo: TOML front matter" "$T/explain.txt"; then
    ok "explain_says_which_style_and_why"
else
    bad "explain_says_which_style_and_why" "$(head -n 3 "$T/explain.txt")"
fi

# a batch picks by each line's text
printf '{"id":"a","text":"+++\\ntitle = \\"x\\"\\n+++\\n\\nIn the end, Tom dies.\\n","from":"markdown"}\n{"id":"b","text":"See [[Tom]]. In the end, Tom dies.","from":"markdown"}\n' > "$T/batch.jsonl"
"$SG" --jsonl < "$T/batch.jsonl" > "$T/batch.out"
if sed -n 1p "$T/batch.out" | grep -q '"id":"a","format":"markdown","style":"md-hugo"' &&
    sed -n 2p "$T/batch.out" | grep -q '"id":"b","format":"markdown","style":"md-obsidian"'; then
    ok "a_batch_line_says_its_style"
else
    bad "a_batch_line_says_its_style" "$(cat "$T/batch.out" | cut -c1-120)"
fi

# real posts: the Hugo ones (TOML front matter) and the Jekyll ones (layout)
# of the corpus are recognised
if [ -d "$CORPUS/realposts/files" ]; then
    n=0 wrong=""
    for f in "$CORPUS"/realposts/files/*.md; do
        want=""
        if head -n 1 "$f" | grep -q '^+++'; then
            want=md-hugo
        elif head -n 1 "$f" | grep -q '^---' && sed -n '2,/^---/p' "$f" | grep -q '^layout:'; then
            want=md-html
        fi
        [ -n "$want" ] || continue
        n=$((n + 1))
        got=$(style_of "$f")
        [ "$got" = "$want" ] || wrong="$wrong $(basename "$f"):$got/$want"
    done
    if [ "$n" -gt 0 ] && [ -z "$wrong" ]; then
        ok "real_hugo_and_jekyll_posts_pick_their_site ($n posts)"
    else
        bad "real_hugo_and_jekyll_posts_pick_their_site" "$n posts, wrong:$wrong"
    fi
else
    echo "skip real posts: no corpus at $CORPUS"
fi

finish
