// make bench peer: Node's Intl.Segmenter (ICU sentence breaks).
'use strict';
const { documents, paragraphs, Output } = require('./io.js');

const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
const out = new Output();
for (const text of documents())
	for (const p of paragraphs(text))
		for (const s of seg.segment(p))
			out.line(s.segment);
out.flush();
