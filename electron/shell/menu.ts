import { Menu, app, shell, type MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  platform: NodeJS.Platform;
  /** Reload and developer tools appear only in an unpackaged (development) build. */
  isPackaged: boolean;
  openDataFolder: () => void;
}

/** The application menu, built from roles so every platform gets its native labels and shortcuts. */
export function appMenuTemplate({ platform, isPackaged, openDataFolder }: MenuContext): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];

  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    // On macOS Quit lives in the app menu, and File closes the window instead.
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Open Data Folder', click: openDataFolder }],
    },
  ];
}

export function installAppMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        // The folder comes from Electron alone, never from anything the renderer sent.
        openDataFolder: () => {
          void shell.openPath(app.getPath('userData')).then((problem) => {
            if (problem) console.warn(`[offload] could not open the data folder: ${problem}`);
          });
        },
      }),
    ),
  );
}
