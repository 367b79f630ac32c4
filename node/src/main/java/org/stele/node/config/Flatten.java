package org.stele.node.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component whose own components become keys without its name in front: {@code DevConfig.node}'s
 * {@code dataPath} is {@code data-path}, not {@code node-data-path}, so that every command shares the node's keys.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Flatten {
}
