# Write the shipped CSS and script (plugin/assets) as C string literals, so
# the library inlines exactly the files it ships.
#   cmake -DOUT=sg_assets.inc -DCSS=spoilerguard.css -DJS=spoilerguard.js -P sg_embed.cmake
function(sg_c_literal path var)
  file(READ ${path} text)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "\n" "\\n\"\n    \"" text "${text}")
  set(${var} "\"${text}\"" PARENT_SCOPE)
endfunction()
sg_c_literal(${CSS} css)
sg_c_literal(${JS} js)
file(WRITE ${OUT} "/* Generated from plugin/assets by cmake/sg_embed.cmake: do not edit. */\n"
     "static const char sg_asset_css[] =\n    ${css};\n"
     "static const char sg_asset_js[] =\n    ${js};\n")
