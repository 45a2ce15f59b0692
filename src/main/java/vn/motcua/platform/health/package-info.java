/**
 * How the application says it is alive and ready: the database check behind readiness and who may ask.
 */
package vn.motcua.platform.health;
