/**
 * What each module needs to publish its own figures as Prometheus metrics ({@code motcua_*}), read from its own
 * tables without letting a scrape wait on the database.
 */
package vn.motcua.platform.metrics;
