// make bench peer: compromise's people, places and organisations in each
// sent record of a stream; one `TYPE<TAB>TEXT` a line.
'use strict';
const { sentences, Output } = require('./io.js');
const nlp = require('compromise');

const out = new Output();
for (const s of sentences()) {
	const doc = nlp(s.text);
	for (const t of doc.people().out('array'))
		out.line('PER\t' + t);
	for (const t of doc.organizations().out('array'))
		out.line('ORG\t' + t);
	for (const t of doc.places().out('array'))
		out.line('LOC\t' + t);
}
out.flush();
