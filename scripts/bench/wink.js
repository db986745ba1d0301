// make bench peer: wink-nlp with wink-eng-lite-web-model, entities of each
// sent record of a stream; one `TYPE<TAB>TEXT` a line.
'use strict';
const { sentences, Output } = require('./io.js');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model);
const its = nlp.its;
const out = new Output();
for (const s of sentences())
	nlp.readDoc(s.text).entities().each((e) =>
	    out.line(e.out(its.type) + '\t' + e.out()));
out.flush();
