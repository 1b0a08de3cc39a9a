/**
 * The Socket.IO Admin UI for a jsocketio {@link io.jsocketio.Server}: {@link
 * io.jsocketio.admin.AdminUi#instrument} speaks the server side of {@code @socket.io/admin-ui}
 * 0.5.x on an admin namespace, and {@link io.jsocketio.admin.AdminUiServlet} serves the UI's files.
 */
@NullMarked
package io.jsocketio.admin;

import org.jspecify.annotations.NullMarked;
