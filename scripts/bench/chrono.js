// make bench peer: chrono-node over each sent record of a stream, anchored
// at the document's date; one `VALUE<TAB>TEXT` a line.
'use strict';
const { sentences, Output } = require('./io.js');
const chrono = require('chrono-node');

const out = new Output();
let date = null, ref = new Date(Date.UTC(2025, 2, 12, 12));
for (const s of sentences()) {
	if (s.date !== date) {
		date = s.date;
		const d = new Date(date.slice(0, 10) + 'T12:00:00Z');
		ref = isNaN(d) ? new Date(Date.UTC(2025, 2, 12, 12)) : d;
	}
	for (const r of chrono.parse(s.text, ref))
		out.line(r.start.date().toISOString() + '\t' + r.text);
}
out.flush();
