/** Engine.IO packet and payload codecs: pure functions over strings and bytes. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.engine.parser;
