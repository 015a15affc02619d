/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` blocks its own HMR endpoint for hosts other than localhost; tests and the fake-upstream
  // dev script open the app on 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
