/** Per-language analysis: lemmas for Ukrainian and Russian, stems for English, script-neutral name keys. */
@org.jspecify.annotations.NullMarked
package org.masthead.search.analysis;
