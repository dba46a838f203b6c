/*
 * nernum: the numeric entities of a document being tagged (ner.h): dates,
 * times, amounts of money and percentages.  Private to the ner modules.
 *
 * They are found from the tokens' word lists (months, weekdays, number
 * words, scales, currencies, units, time zones, approximators) and shapes
 * alone, after the names, and never over a token that is in a mention
 * already.  Months that are also words ("May", "March") are dates only
 * before a day or a year, or capitalised; in a lower-cased document case
 * is no evidence.
 */
#ifndef TABLOID_NERNUM_H
#define TABLOID_NERNUM_H

#include <stdbool.h>
#include <stddef.h>

#include "ner.h"

/* Whether token i names a month or a day of the week. */
bool nernum_is_calendar(const struct ner_doc *d, size_t i);
/*
 * Mark the numeric mentions of sentence si (HOW_NUMERIC): an amount with
 * its scale and currency or unit words and the approximators before it
 * ("about", "more than"); a date or time with its day, year or time zone.
 */
void nernum_sentence(struct ner_doc *d, size_t si);

#endif
