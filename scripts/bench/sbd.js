// make bench peer: npm sbd splits each paragraph; one sentence a line.
'use strict';
const { documents, paragraphs, Output } = require('./io.js');
const sbd = require('sbd');

const out = new Output();
for (const text of documents())
	for (const p of paragraphs(text))
		for (const s of sbd.sentences(p))
			out.line(s);
out.flush();
