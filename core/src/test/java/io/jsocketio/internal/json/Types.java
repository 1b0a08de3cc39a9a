package io.jsocketio.internal.json;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** Generic types for tests, read from field declarations. */
final class Types {
    static final Type MAP_OF_OBJECTS;
    static final Type LIST_OF_CHATS;

    @SuppressWarnings("unused")
    private Map<String, Object> mapOfObjects;

    @SuppressWarnings("unused")
    private List<ArgsImplTest.Chat> listOfChats;

    static {
        try {
            MAP_OF_OBJECTS = Types.class.getDeclaredField("mapOfObjects").getGenericType();
            LIST_OF_CHATS = Types.class.getDeclaredField("listOfChats").getGenericType();
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Types() {}
}
