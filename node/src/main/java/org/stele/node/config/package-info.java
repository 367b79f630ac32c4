/**
 * Node configuration: records of settings, read from defaults, a TOML file ({@code --config}), {@code STELE_*}
 * environment variables and command-line flags, with one precedence rule (flags over environment over file over
 * defaults). Keys are derived from the records' components, so a new setting needs no code here.
 */
package org.stele.node.config;
