/**
 * Scenario configuration: immutable records bound from YAML or JSON by Jackson over built-in
 * defaults, and the checks that refuse bad values with the key path, the value and what is
 * allowed.
 */
package org.nqpf.config;
