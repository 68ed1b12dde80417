/**
 * What every rendered page gets after its template has run: data tables that stack into labelled rows on a narrow
 * screen, and an error summary in the order of its form's fields.
 */
package fi.celia.celianet.shared.web;
