import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth } from '@strapi/strapi/admin';
import { NavLink, Navigate, Route, Routes } from 'react-router-dom';

import type { IdAdminPage } from './id-admin-page';
import { ID_ADMIN_PAGES } from './pages';

const Tab = ({ page }: { page: IdAdminPage }) => (
  <NavLink to={page.path} style={({ isActive }) => ({ fontWeight: isActive ? 600 : 400 })}>
    <Typography textColor="primary600">{page.label}</Typography>
  </NavLink>
);

/** "VixenHealth ID" in the admin panel: the tabs this person's permissions allow. */
const IdApp = () => {
  const permissions = useAuth('IdApp', (state) => state.permissions);
  const visible = ID_ADMIN_PAGES.filter((page) =>
    permissions.some((permission) => permission.action === page.permission)
  );
  if (visible.length === 0) return <Page.NoPermissions />;
  return (
    <Layouts.Root>
      <Page.Title>VixenHealth ID</Page.Title>
      <Layouts.Header title="VixenHealth ID" />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} tag="nav" aria-label="VixenHealth ID">
          {visible.map((page) => (
            <Tab key={page.path} page={page} />
          ))}
        </Flex>
        <Box>
          <Routes>
            {visible.map((page) => (
              <Route key={page.path} path={`${page.path}/*`} element={<page.Component />} />
            ))}
            <Route path="*" element={<Navigate to={visible[0].path} replace />} />
          </Routes>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};

export default IdApp;
