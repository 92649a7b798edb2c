// Renders Markdown as Reddit (snudown-js, a port of Reddit's snudown) or
// Discord (discord-markdown) would: reads a JSON array of texts on standard
// input, writes a JSON array of HTML.  usage: node chat_render.js reddit|discord
'use strict';
const dialect = process.argv[2];
let render;
if (dialect === 'reddit') {
  const snudown = require('snudown-js');
  render = (t) => snudown.markdown(t);
} else if (dialect === 'discord') {
  const dm = require('discord-markdown');
  render = (t) => dm.toHTML(t);
} else {
  process.stderr.write('usage: node chat_render.js reddit|discord\n');
  process.exit(2);
}
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map(render)));
});
