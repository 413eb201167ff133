/**
 * Reading scenario files: a YAML tree with dotted-path overrides that tracks which keys were read, so unknown keys are errors naming the file and key.
 */
package org.netsim.scenarios.config;
